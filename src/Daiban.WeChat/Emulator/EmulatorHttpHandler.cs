using System.Net;
using System.Net.Http.Headers;

namespace Daiban.WeChat.Emulator;

/// <summary>
/// The WeChat client's transport while the emulator is on: requests go straight to the in-process emulator,
/// with the same paths and bodies they would have on the wire, and no socket.
/// </summary>
public sealed class EmulatorHttpHandler(WeChatEmulator emulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!;
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var parameters = query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => query[k]!);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
        var result = await emulator.HandleAsync(request.Method.Method, uri.AbsolutePath.Replace("/_wx/", "/"), parameters,
            body).WaitAsync(ct);
        var content = new ByteArrayContent(result.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(result.ContentType);
        return new HttpResponseMessage((HttpStatusCode)result.StatusCode) { Content = content, RequestMessage = request };
    }
}
