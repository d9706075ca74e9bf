using Microsoft.Extensions.DependencyInjection;
using Rollcall.Attendance;
using Rollcall.Storage.Receipts;
using Rollcall.Telegram.Texts;

namespace Rollcall.Telegram.Receipts;

/// <summary>Registers receipts: the book that issues them in the words of <see cref="MarkWords"/>, and /receipt (scoped to the turn).</summary>
public static class ReceiptsSetup
{
    public static IServiceCollection AddReceipts(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ReceiptBook(sp.GetRequiredService<ReceiptSigner>(), MarkWords.Receipt));
        services.AddScoped<ReceiptLookup>();
        services.AddScoped<ReceiptDesk>();
        return services;
    }
}
