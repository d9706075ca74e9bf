using Microsoft.Extensions.Logging;

namespace Rollcall.IntegrationTests.Support;

/// <summary>Hands every log line (event id, message and exception) to <paramref name="write"/>, to prove that no secret reaches a log.</summary>
internal sealed class ListLoggerProvider(Action<string> write) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(write);

    public void Dispose()
    {
    }

    private sealed class ListLogger(Action<string> write) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            write($"{eventId.Id} {formatter(state, exception)} {exception}");
    }
}
