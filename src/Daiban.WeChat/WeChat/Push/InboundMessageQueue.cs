using System.Threading.Channels;

namespace Daiban.WeChat.WeChat.Push;

/// <summary>Hands recorded inbound messages to the processor without waiting; the database is the durable copy.</summary>
public sealed class InboundMessageQueue
{
    private readonly Channel<long> _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(10_000)
    {
        // When full, the sweep picks the rest up from the database.
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Enqueue(long id) => _channel.Writer.TryWrite(id);

    public ChannelReader<long> Reader => _channel.Reader;
}
