using System.Collections.Concurrent;
using Rollcall.Lms;
using Rollcall.Ports;

namespace Rollcall.IntegrationTests.Lms;

/// <summary>Tokens and credentials kept in memory, standing in for the encrypted database store.</summary>
internal sealed class InMemoryLmsTokenStore : ILmsTokenStore
{
    private readonly ConcurrentDictionary<long, LmsTokens> _tokens = new();
    private readonly ConcurrentDictionary<long, LmsCredentials> _credentials = new();
    private readonly ConcurrentDictionary<long, bool> _renewing = new();

    public LmsTokens? Tokens(long teacherId) => _tokens.GetValueOrDefault(teacherId);

    public void SetCredentials(long teacherId, LmsCredentials credentials) => _credentials[teacherId] = credentials;

    public Task<LmsTokens?> FindTokensAsync(long teacherId, CancellationToken cancellationToken) =>
        Task.FromResult(_tokens.GetValueOrDefault(teacherId));

    public Task SaveTokensAsync(long teacherId, LmsTokens tokens, CancellationToken cancellationToken)
    {
        _tokens[teacherId] = tokens;
        return Task.CompletedTask;
    }

    public Task<LmsCredentials?> FindCredentialsAsync(long teacherId, CancellationToken cancellationToken) =>
        Task.FromResult(_credentials.GetValueOrDefault(teacherId));

    public Task<IAsyncDisposable?> TryLockRenewalAsync(long teacherId, TimeSpan hold, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(_renewing.TryAdd(teacherId, true) ? new Release(() => _renewing.TryRemove(teacherId, out _)) : null);

    private sealed class Release(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}
