using Daiban.Core.Common;
using Daiban.Web.Cases;
using Daiban.WeChat.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Platform;

/// <summary>Turns exceptions into RFC 9457 problem details, in one place.</summary>
internal sealed class DaibanExceptionHandler(IProblemDetailsService problems, ILogger<DaibanExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail, code) = exception switch
        {
            DomainRuleException e => (e.Kind == RuleViolationKind.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict,
                e.Message, (string?)null, e.Code),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "数据已被他人修改，请刷新后重试。", null, "concurrency"),
            UploadTooLargeException e => (StatusCodes.Status413PayloadTooLarge, e.Message, null, "upload.too_large"),
            UnsupportedUploadException e => (StatusCodes.Status415UnsupportedMediaType, e.Message, null, "upload.type"),
            // WeChat is outside: a person can only wait or call the window, and nothing of ours is broken.
            WeChatApiException { IsRetryable: true } or WeChatApiException { Kind: WeChatErrorKind.Unanswered } =>
                (StatusCodes.Status503ServiceUnavailable, "微信服务暂时无法响应，请稍后再试。", null, "wechat.unavailable"),
            WeChatApiException => (StatusCodes.Status502BadGateway,
                "微信服务拒绝了本次请求，请稍后再试；如一直失败请联系投资建设综合窗口。", null, "wechat.refused"),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 1 } path } } =>
                (StatusCodes.Status400BadRequest, $"字段“{FieldOf(path)}”的值类型或取值不正确，请检查后重试。", "请求体中该字段的格式不符合要求。",
                    "bad_request.field"),
            BadHttpRequestException e => (e.StatusCode, ProblemTitles.For(e.StatusCode), DescribeBadRequest(e), "bad_request"),
            _ => (StatusCodes.Status500InternalServerError, ProblemTitles.For(500), null, "internal"),
        };
        if (exception is WeChatApiException)
            logger.LogWarning(exception, "WeChat failed on {Method} {Path}", context.Request.Method, context.Request.Path);
        else if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        else
            logger.LogInformation("Request refused with {Status} ({Code}) on {Method} {Path}", status, code, context.Request.Method, context.Request.Path);

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (exception is BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 1 } field } })
            problem.Extensions["field"] = FieldOf(field);
        // A form marks the field people see under this name (its label), beside the field instead of a toast.
        if (exception is DomainRuleException { Field: { } label })
            problem.Extensions["fieldLabel"] = label;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>"$.project.kind" → "project.kind": the JSON path of the value that could not be read, as the client wrote it.</summary>
    private static string FieldOf(string path) => path.StartsWith("$.",
        StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // The framework's messages name parameters and types; say what a person should fix instead.
    private static string DescribeBadRequest(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException || e.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase)
            ? "请求体不是有效的JSON，请检查格式。"
            : e.Message.Contains("Required parameter", StringComparison.Ordinal) || e.Message.Contains("Failed to bind", StringComparison.Ordinal)
                ? "请求参数缺失或格式不正确，请检查后重试。"
                : "请求无法处理，请检查后重试。";
}
