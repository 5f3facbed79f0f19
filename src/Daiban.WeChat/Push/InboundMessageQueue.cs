using System.Threading.Channels;

namespace Daiban.WeChat.Push;

/// <summary>
/// Hands recorded inbound messages (by de-duplication key) to the processor without waiting; the database is the
/// durable copy.
/// </summary>
public sealed class InboundMessageQueue
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000)
    {
        // When full, the sweep picks the rest up from the database.
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Enqueue(string deduplicationKey) => _channel.Writer.TryWrite(deduplicationKey);

    public ChannelReader<string> Reader => _channel.Reader;
}
