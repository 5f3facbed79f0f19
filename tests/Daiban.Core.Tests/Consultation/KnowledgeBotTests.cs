using System.Text.RegularExpressions;
using Daiban.Core.Consultation;
using Daiban.Testing.Consultation;

namespace Daiban.Core.Tests.Consultation;

public sealed class KnowledgeBotFixture : IDisposable
{
    public KnowledgeBase Knowledge { get; } = KnowledgeBase.Shipped();
    public KnowledgeBot Bot => new(Knowledge);
    public void Dispose() => Knowledge.Dispose();
}

public sealed partial class KnowledgeBotTests(KnowledgeBotFixture fixture) : IClassFixture<KnowledgeBotFixture>
{
    private BotAnswer Ask(string q) => fixture.Bot.Answer(q);

    [Theory]
    [InlineData("转人工", BotIntents.Handoff, true)]
    [InlineData("我要投诉代办员", BotIntents.Complaint, true)]
    [InlineData("你好", BotIntents.Greeting, false)]
    [InlineData("您好！", BotIntents.Greeting, false)]
    [InlineData("施工证要多久", BotIntents.ItemTimeLimit, false)]
    [InlineData("办施工许可证要准备哪些材料", BotIntents.ItemMaterials, false)]
    [InlineData("我的案件进度怎么样了", BotIntents.Progress, false)]
    [InlineData("怎么申请代办", BotIntents.Apply, false)]
    [InlineData("服务结束后怎么评价", BotIntents.Evaluation, false)]
    [InlineData("代办收费吗", BotIntents.Consult, false)]
    [InlineData("今天天气怎么样", BotIntents.OutOfScope, false)]
    public void Intents(string question, string intent, bool handoff)
    {
        var answer = Ask(question);
        Assert.Equal(intent, answer.Intent);
        Assert.Equal(handoff, answer.Handoff);
    }

    [Theory]
    [InlineData("你这机器人答非所问，我想当面咨询")]
    [InlineData("说不明白就算了，让懂行的给我回个话")]
    [InlineData("请你们给我打个电话")]
    public void APersonWantedInASentence_IsAHandoff(string question)
    {
        var answer = Ask(question);
        Assert.Equal(BotIntents.Handoff, answer.Intent);
        Assert.True(answer.Handoff);
    }

    [Fact]
    public void APhoneCallAskedAbout_IsNotAHandoff()
    {
        var answer = Ask("给了差评，会有人打电话回访吗");
        Assert.False(answer.Handoff);
        Assert.Contains("回访", answer.Answer);
    }

    [Fact]
    public void AGreetingWithAQuestion_IsAQuestion()
    {
        Assert.Equal(BotIntents.ItemTimeLimit, Ask("你好，施工证要多久？").Intent);
    }

    [Fact]
    public void ANamedItemsTimeLimit_ComesFromItsCatalogueRow()
    {
        var answer = Ask("供水报装要几天");
        Assert.StartsWith("【供水报装】承诺办结时限12个工作日；法定时限12个工作日", answer.Answer);
        Assert.Equal("item:P-08", answer.Sources[0].Id);
    }

    [Fact]
    public void AnItemWithoutAPublishedLimit_SaysSo_AndInventsNone()
    {
        var answer = Ask("施工监理招标投标要多久");
        Assert.Contains("目录未公布承诺时限，请以窗口告知为准", answer.Answer);
        Assert.Contains("法律未规定固定时限", answer.Answer);
        Assert.DoesNotMatch(@"\d", answer.Answer);
    }

    [Fact]
    public void Materials_ListEveryMaterial_MarkingCoreAndDeferrable()
    {
        var item = fixture.Knowledge.Item("S3-03")!;
        var answer = Ask("施工证要什么材料");
        foreach (var m in item.Materials)
            Assert.Contains(m.Name, answer.Answer);
        Assert.Contains("（可容缺，受理后补交）", answer.Answer);
    }

    [Fact]
    public void Synonyms_ReachTheCatalogueWord()
    {
        Assert.Equal("item:S2-02", Ask("规划证要多久").Sources[0].Id);
        Assert.Equal("item:S3-03", Ask("开工证多长时间能办下来").Sources[0].Id);
    }

    [Fact]
    public void TheLongestItemNameWins()
    {
        var lexicon = fixture.Knowledge.Lexicon;
        Assert.Equal(["S4-04"], lexicon.FindItems("消防验收备案要多久"));
        Assert.Equal(["S4-03"], lexicon.FindItems("消防验收怎么办"));
        Assert.Equal(["S3-03", "P-04"], lexicon.FindItems("施工许可证和节能审查"));
    }

    [Fact]
    public void EveryNumberInEveryDevSetAnswer_IsInItsSources()
    {
        foreach (var c in ConsultationDevSet.Load())
        {
            var answer = Ask(c.Q);
            var sources = string.Join("\n", fixture.Knowledge.Passages(answer.Sources));
            foreach (Match number in Digits().Matches(answer.Answer))
                Assert.True(sources.Contains(number.Value, StringComparison.Ordinal), $"{c.Q}: {number.Value} is not in the sources of “{answer.Answer}”");
            if (answer.Intent is not (BotIntents.Greeting or BotIntents.Handoff or BotIntents.Complaint or BotIntents.OutOfScope or BotIntents.Unsure))
                Assert.NotEmpty(answer.Sources);
        }
    }

    [Fact]
    public void BelowTheConfidenceFloor_TheBotSaysItIsNotSure_AndOffersAPerson()
    {
        var answer = Ask("代办员的工牌编号规则是什么");
        Assert.Contains(answer.Intent, new[] { BotIntents.Unsure, BotIntents.OutOfScope });
        Assert.Contains("转人工", answer.Answer);
        Assert.Empty(answer.Sources);
    }

    [Fact]
    public void HolidayQuestions_AreAnsweredFromTheCalendar()
    {
        var answer = Ask("2026年春节放假安排");
        Assert.Equal("holidays:2026", answer.Sources[0].Id);
        Assert.True(answer.Answer.Contains("2月14日（星期六）"), answer.Answer);
    }

    [Fact]
    public void PolicyPassages_AreQuotedWithTheirChapter()
    {
        var answer = Ask("代办员队伍怎么培训和考核");
        Assert.StartsWith("根据《乳山市工程建设项目帮办代办包办工作制度》（七、队伍建设）", answer.Answer);
        Assert.StartsWith("policy:", answer.Sources[0].Id);
    }

    [Fact]
    public void AFollowUp_KeepsTheItemTheConversationWasAbout()
    {
        var first = Ask("施工许可证要准备哪些材料？");
        var answer = fixture.Bot.Answer("那要多久？", ConversationMemory.Empty.After(first));
        Assert.Equal(BotIntents.ItemTimeLimit, answer.Intent);
        Assert.Contains("承诺办结时限3个工作日", answer.Answer);
        Assert.Equal("item:S3-03", answer.Sources[0].Id);
        Assert.NotEqual("item:S3-03", fixture.Bot.Answer("那要多久？").Sources.FirstOrDefault()?.Id);
    }

    [Fact]
    public void AHandoffSaidInASentence_ReachesAPerson()
    {
        var answer = Ask("我们项目情况比较复杂，想找专人详细聊聊");
        Assert.True(answer.Handoff);
        Assert.Equal(BotIntents.Handoff, answer.Intent);
    }

    [Fact]
    public void ATypoInAnItemName_IsRespelled_SoTheItemIsStillFound()
    {
        var answer = Ask("施工许克证办下来得几天");
        Assert.Equal(BotIntents.ItemTimeLimit, answer.Intent);
        Assert.Equal("item:S3-03", answer.Sources[0].Id);
    }

    [Fact]
    public void DialectWords_ReadAsTheirPlainWords()
    {
        Assert.Equal("我们要准备些什么材料，怎么交", Lexicon.Shipped.Respell("俺们要准备些啥材料，咋交"));
        Assert.Equal(BotIntents.ItemMaterials, Ask("燃气报装得交啥").Intent);
    }

    [Fact]
    public void AClauseEndingInBu_AsksYesOrNo_LikeMa()
    {
        Assert.Equal("方案能改吗，要多久", Lexicon.Shipped.Respell("方案能改不，要多久"));
        Assert.Equal("回访吗？", Lexicon.Shipped.Respell("回访不？"));
        // Only at a clause's end: 不动产, 要不要 and 不合适 keep their 不.
        Assert.Equal("不动产证要不要钱，不合适", Lexicon.Shipped.Respell("不动产证要不要钱，不合适"));
        Assert.False(Ask("整改了问题会告诉我们不").Handoff);
    }

    [Fact]
    public void AShortNameOfSeveralItems_NamesEachOfThem()
    {
        var answer = Ask("环评一般几天能批");
        Assert.Equal(["item:P-01", "item:P-02", "item:P-03"],
            answer.Sources.Where(s => s.Id.StartsWith("item:")).Select(s => s.Id));
        Assert.Contains("承诺办结时限15个工作日", answer.Answer);
        Assert.Contains("承诺办结时限7个工作日", answer.Answer);
    }

    [Fact]
    public void WhoDoesANamedItem_IsAnsweredFromItsCatalogueRow()
    {
        var answer = Ask("供热报装找哪个部门");
        Assert.Equal(BotIntents.Item, answer.Intent);
        Assert.Equal("item:P-11", answer.Sources[0].Id);
        Assert.Contains("乳山市供热公司", answer.Answer);
    }

    [Theory]
    [InlineData("我们公司的规划证批下来了吗")]
    [InlineData("交上去的材料一直没动静")]
    public void AQuestionAboutOnesOwnCase_GoesToAPersonWhenNoCaseIsKnown(string question)
    {
        var answer = Ask(question);
        Assert.Equal(BotIntents.Progress, answer.Intent);
        Assert.True(answer.Handoff);
    }

    [Fact]
    public void HowProgressIsFollowed_IsAnsweredNotHandedOff()
    {
        var answer = Ask("我们的项目进度在哪里能看到");
        Assert.False(answer.Handoff);
        Assert.NotEmpty(answer.Sources);
    }

    [Fact]
    public void ADueDate_IsCountedInWorkingDaysFromTheHolidayTable()
    {
        var bot = new KnowledgeBot(fixture.Knowledge, clock: March2026);
        // 2026: 劳动节 5月1日至5日 off, 5月9日 (Saturday) worked; the day of acceptance does not count.
        var answer = bot.Answer("4月30号交上去的，按8个工作日算哪天到期");
        Assert.Contains("到5月14日（星期四）", answer.Answer);
        Assert.Contains(answer.Sources, s => s.Id == "holidays:2026");
        var item = bot.Answer("施工许可证5月8号受理的，最晚哪天办完");
        Assert.Contains("承诺办结时限3个工作日", item.Answer);
        Assert.Contains("到5月12日（星期二）", item.Answer);
        Assert.Equal("item:S3-03", item.Sources[0].Id);
    }

    [Fact]
    public void WhetherADayIsWorked_ComesFromTheHolidayTable()
    {
        var bot = new KnowledgeBot(fixture.Knowledge, clock: March2026);
        Assert.Contains("是调休上班日，算工作日", bot.Answer("5月9号周六要上班吗").Answer);
        Assert.Contains("不算工作日", bot.Answer("5月4号窗口上班不").Answer);
        Assert.Contains("节后第一个工作日是10月8日", bot.Answer("国庆过完第一个工作日是几号").Answer);
        Assert.Contains("算工作日，正常上班", bot.Answer("10月9号俺想过去办事，开门吗").Answer);
    }

    [Fact]
    public void AHolidaysDaysOffAndMakeUpDays_ComeFromTheHolidayTable()
    {
        var bot = new KnowledgeBot(fixture.Knowledge, clock: March2026);

        var national = bot.Answer("今年国庆放几天假啊");
        Assert.Contains("10月1日至10月7日，共7天", national.Answer);
        Assert.Contains("9月20日（星期日）、10月10日（星期六）", national.Answer);
        Assert.Contains(national.Sources, s => s.Id == "holidays:2026");
        Assert.Contains("5月9日（星期六）", bot.Answer("五一以后哪天周六要补班").Answer);
        Assert.Contains("不调休", bot.Answer("2026年端午放几天").Answer);
    }

    private static readonly TimeProvider March2026 =
        new FixedClock(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
