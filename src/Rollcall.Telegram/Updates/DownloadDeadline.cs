using System.Net;

namespace Rollcall.Telegram.Updates;

/// <summary>
/// Bounds a file download's body to <paramref name="limit"/> from its headers. Telegram.Bot streams downloads
/// (headers first), and HttpClient.Timeout ends at the headers, so a transfer that stalls half-way would hold a
/// verification worker, and its job's lease, for good. Past the limit the read fails as an HttpRequestException,
/// which the worker treats as Telegram failing for now: the job is tried again.
/// </summary>
internal sealed class DownloadDeadline(TimeSpan limit, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri?.AbsolutePath.Contains("/file/bot", StringComparison.Ordinal) == true)
        {
            response.Content = new BoundedContent(response.Content, limit, time);
        }

        return response;
    }

    /// <summary>The download's failure past the deadline; no URL in the message, as it carries the bot token.</summary>
    private static HttpRequestException Stalled() =>
        new(HttpRequestError.Unknown, "The file download did not finish within HTTP_TIMEOUT_SECONDS.");

    private sealed class BoundedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly CancellationTokenSource _deadline;

        public BoundedContent(HttpContent inner, TimeSpan limit, TimeProvider time)
        {
            _inner = inner;
            _deadline = new CancellationTokenSource(limit, time);
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = await CreateContentReadStreamAsync(cancellationToken);
            await source.CopyToAsync(stream, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Headers.ContentLength ?? 0;
            return Headers.ContentLength is not null;
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new BoundedStream(await _inner.ReadAsStreamAsync(cancellationToken), _deadline.Token);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _deadline.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A read-only stream whose reads end at the deadline; streaming, so nothing is buffered here.</summary>
    private sealed class BoundedStream(Stream inner, CancellationToken deadline) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
            try
            {
                return await inner.ReadAsync(buffer, linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw Stalled();
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Downloads are read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
