using System.Net;
using System.Text.Json;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Calendar;

[Collection(HostCollection.Name)]
public sealed class CalendarEndpointTests(ProductionLikeApp app)
{
    [Fact]
    public async Task DueDate_SkipsSpringFestival_AndCountsMakeUpSaturday()
    {
        var response = await app.CreateClient().GetAsync("/api/calendar/due-date?from=2026-02-12&workingDays=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2026-02-24", body.GetProperty("dueDate").GetString());
        Assert.Equal(12, body.GetProperty("calendarDays").GetInt32());
    }

    [Fact]
    public async Task Days_ListsHolidaysAndMakeUpDaysOfTheYear()
    {
        var response = await app.CreateClient().GetAsync("/api/calendar/days?year=2026");

        var days = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2026-02-14" && d.GetProperty("kind").GetString() == "MakeUpWorkday");
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2026-10-01" && d.GetProperty("kind").GetString() == "Holiday");
        Assert.All(days, d => Assert.StartsWith("2026-", d.GetProperty("date").GetString()));
    }

    [Theory]
    [InlineData("/api/calendar/due-date?from=2026-13-01&workingDays=3", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/due-date?from=2026-02-12", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/due-date?from=2026-02-12&workingDays=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/due-date?from=2026-02-12&workingDays=-1", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/api/calendar/due-date?from=2026-02-12&workingDays=999", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/api/calendar/days?year=1800", HttpStatusCode.UnprocessableEntity)]
    public async Task BadInput_IsAProblemInChinese(string url, HttpStatusCode status)
    {
        var response = await app.CreateClient().GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, status);
    }
}
