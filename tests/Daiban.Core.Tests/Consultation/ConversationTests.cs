using Daiban.Core.Common;
using Daiban.Core.Consultation;

namespace Daiban.Core.Tests.Consultation;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly BotAnswer Sure = new("答案", false, BotIntents.Consult, [new BotSource("常见问题", "faq:x")]);
    private static readonly BotAnswer NotSure = new(KnowledgeBot.UnsureText, false, BotIntents.Unsure, []);

    private static Conversation New(ConversationChannel channel = ConversationChannel.CustomerService) => new("cs:MiniProgram:oUser", channel, "oUser", "MiniProgram", Now);

    [Fact]
    public void TwoUnsureAnswersInARow_NeedAPerson_ASureOneInBetweenResets()
    {
        var c = New();
        Assert.False(c.Answered(NotSure, "", Now));
        Assert.False(c.Answered(Sure, "", Now));
        Assert.False(c.Answered(NotSure, "", Now));
        Assert.True(c.Answered(NotSure, "", Now));
    }

    [Fact]
    public void HandOff_IsOnce_AndOnlyAHandedOffConversationTakesReplies()
    {
        var c = New();
        var agent = Actor.Staff(7, "赵刚");
        Assert.Throws<DomainRuleException>(() => c.Reply(agent, "您好", Now));
        Assert.True(c.HandOff(7, "赵刚", "用户要求转人工", Now));
        Assert.False(c.HandOff(8, "张丽", "再次", Now));
        Assert.Equal("赵刚", c.AgentName);
        Assert.Equal(MessageAuthor.Agent, c.Reply(agent, "您好", Now).Author);
        Assert.True(c.Close(Now));
        Assert.Throws<DomainRuleException>(() => c.Reply(agent, "还在吗", Now));
        c.Ask("又有问题", null, Now);
        Assert.Equal(ConversationStatus.Bot, c.Status);
    }

    [Fact]
    public void CustomerServiceReplies_OnlyWithin48HoursOfTheUsersLastMessage()
    {
        var c = New();
        c.Ask("问题", null, Now);
        Assert.True(c.CanSendCustomerService(Now.AddHours(47.9)));
        Assert.False(c.CanSendCustomerService(Now.AddHours(48)));
        Assert.False(New(ConversationChannel.MiniProgram).CanSendCustomerService(Now));
    }

    [Fact]
    public void AnEmptyOrOverlongQuestion_IsRefused()
    {
        var c = New();
        Assert.Throws<DomainRuleException>(() => c.Ask(" ", null, Now));
        Assert.Throws<DomainRuleException>(() => c.Ask(new string('问', 501), null, Now));
        Assert.Empty(c.Messages);
    }
}
