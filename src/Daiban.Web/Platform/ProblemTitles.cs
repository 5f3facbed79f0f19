using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Daiban.Web.Platform;

/// <summary>Every problem response carries a Chinese title a person can act on, whatever produced it.</summary>
internal static class ProblemTitles
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "请求内容有误，请检查后重试",
        [StatusCodes.Status401Unauthorized] = "请先登录",
        [StatusCodes.Status403Forbidden] = "您没有权限执行此操作",
        [StatusCodes.Status404NotFound] = "未找到请求的内容",
        [StatusCodes.Status405MethodNotAllowed] = "不支持该请求方式",
        [StatusCodes.Status409Conflict] = "操作与当前状态冲突，请刷新后重试",
        [StatusCodes.Status413PayloadTooLarge] = "提交的内容过大",
        [StatusCodes.Status415UnsupportedMediaType] = "不支持的内容格式",
        [StatusCodes.Status422UnprocessableEntity] = "提交的信息不符合要求",
        [StatusCodes.Status423Locked] = "账号已锁定，请稍后再试",
        [StatusCodes.Status429TooManyRequests] = "操作过于频繁，请稍后再试",
        [StatusCodes.Status500InternalServerError] = "系统繁忙，请稍后再试",
        [StatusCodes.Status503ServiceUnavailable] = "服务暂时不可用，请稍后再试",
    };

    public static string For(int status) => Titles.GetValueOrDefault(status, "请求未能完成");

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        // Framework defaults are English ("Not Found", "One or more validation errors occurred."): replace them.
        if (string.IsNullOrEmpty(problem.Title) || problem.Title == ReasonPhrases.GetReasonPhrase(status) || IsAscii(problem.Title))
            problem.Title = For(status);
        if (status == StatusCodes.Status401Unauthorized && context.HttpContext.Items.ContainsKey(StaffSessionCheck.Ended))
            problem.Title = "登录已失效（已退出、账号或角色已变更），请重新登录";
        problem.Extensions.TryAdd("traceId", context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity?.Id ?? context.HttpContext.TraceIdentifier);
    }

    private static bool IsAscii(string s) => s.All(c => c < 128);
}
