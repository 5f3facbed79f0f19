using Daiban.Core.Consultation;
using Microsoft.Extensions.AI;

namespace Daiban.Core.Tests.Consultation;

public sealed class AnswerPhrasingTests
{
    private const string Passage = "【建筑工程施工许可证核发】承诺办结时限3个工作日；法定时限7日。需要的材料：1. 建筑工程施工许可申请表；2. 用地批准手续。";
    private static readonly BotAnswer Retrieved = new(Passage, false, BotIntents.ItemTimeLimit, [new BotSource("审批事项目录：建筑工程施工许可证核发", "item:S3-03")]);
    private static readonly string[] Materials = ["建筑工程施工许可申请表", "用地批准手续", "岩土工程勘察报告"];

    private sealed class FakeChatClient(Func<string> reply) : IChatClient
    {
        public List<ChatMessage> Seen { get; } = [];

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Seen.AddRange(messages);
            await Task.Yield();
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply()));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }

    private static Task<BotAnswer> PhraseAsync(Func<string> reply, FakeChatClient? client = null) =>
        new AnswerPhrasing(client ?? new FakeChatClient(reply), TimeSpan.FromSeconds(2)).PhraseAsync("施工证要多久", Retrieved, [Passage], Materials, CancellationToken.None);

    [Fact]
    public async Task ARephrasingThatOnlyRestatesTheSources_IsUsed_AndTheModelSeesOnlyThem()
    {
        var client = new FakeChatClient(() => "您好！施工许可证承诺3个工作日办好（法定7日），请带上建筑工程施工许可申请表和用地批准手续。");
        var answer = await PhraseAsync(() => "", client);
        Assert.StartsWith("您好！施工许可证承诺3个工作日", answer.Answer);
        Assert.Equal(Retrieved.Sources, answer.Sources);
        Assert.Contains(Passage, client.Seen[1].Text);
    }

    [Theory]
    [InlineData("施工许可证承诺2个工作日办好。")]
    [InlineData("施工许可证承诺三个工作日办好。")]
    [InlineData("施工许可证3个工作日，另需岩土工程勘察报告。")]
    [InlineData("施工许可证3个工作日，收费200元。")]
    public async Task ARephrasingWithAnInventedNumberOrMaterial_IsDiscarded(string invented)
    {
        Assert.Equal(Passage, (await PhraseAsync(() => invented)).Answer);
    }

    [Fact]
    public async Task AFailingModel_LeavesTheRetrievalAnswer()
    {
        Assert.Equal(Passage, (await PhraseAsync(() => throw new HttpRequestException("down"))).Answer);
    }
}
