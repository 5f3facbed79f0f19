using System.Security.Cryptography;
using Daiban.Core.Common;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Cases;

/// <summary>An upload checked and named (its storage reference) but not written yet.</summary>
public sealed record StagedUpload(string Reference, byte[] Bytes);

/// <summary>A file type we accept, recognised by its first bytes, not by what the client claims.</summary>
public sealed record MaterialFileType(string Extension, string ContentType, byte[] Magic);

/// <summary>
/// Uploaded materials on local disk under <see cref="UploadOptions.Directory"/>, one folder per case, named by the
/// content's SHA-256: the same file uploaded twice (a retry, a double tap) is stored once and found again. Only
/// PDF, JPEG, PNG and Office (docx/xlsx) files are kept, judged by their content; nothing here is ever served
/// without the caller's access being checked first.
/// </summary>
public sealed class MaterialFiles(IOptions<UploadOptions> options, IWebHostEnvironment environment)
{
    public static readonly IReadOnlyList<MaterialFileType> Types =
    [
        new(".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        new(".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        new(".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            [0x50, 0x4B, 0x03, 0x04]),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
    ];

    private const string Scheme = "upload:";

    private string Root => Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>Checks and stores the file; returns its storage key ("upload:{case}/{sha256}{ext}").</summary>
    public Task<string> SaveAsync(long caseId, IFormFile file, CancellationToken ct) =>
        SaveAsync($"{caseId}", file, ct);

    /// <summary>A contact's 授权委托书, kept apart from any case ("upload:contacts/{contact}/{sha256}{ext}").</summary>
    public Task<string> SaveContactLetterAsync(long contactId, IFormFile file, CancellationToken ct) =>
        SaveAsync($"contacts/{contactId}", file, ct);

    private async Task<string> SaveAsync(string folder, IFormFile file, CancellationToken ct)
    {
        var upload = await ReadAsync(folder, file, ct);
        await StoreAsync(upload, ct);
        return upload.Reference;
    }

    /// <summary>
    /// Checks the file and names it, without writing anything: whether it is a repeat, and whether the quota allows it,
    /// is decided before it takes disk space.
    /// </summary>
    public Task<StagedUpload> ReadAsync(long caseId, IFormFile file, CancellationToken ct) =>
        ReadAsync($"{caseId}", file, ct);

    private async Task<StagedUpload> ReadAsync(string folder, IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
            throw DomainRuleException.Invalid("upload.empty", "上传的文件是空的，请重新选择。");
        if (file.Length > MaxBytes)
            throw new UploadTooLargeException(MaxBytes);
        await using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = Recognise(bytes, Path.GetExtension(file.FileName))
                   ?? throw new UnsupportedUploadException();
        var key = $"{folder}/{Convert.ToHexStringLower(SHA256.HashData(bytes))}{type.Extension}";
        return new StagedUpload(Scheme + key, bytes);
    }

    public async Task StoreAsync(StagedUpload upload, CancellationToken ct)
    {
        var bytes = upload.Bytes;
        var path = PathOf(upload.Reference[Scheme.Length..]);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Written aside and moved into place, so a crash never leaves half a file under the final name.
            var temp = path + $".{Guid.NewGuid():N}.part";
            await File.WriteAllBytesAsync(temp, bytes, ct);
            File.Move(temp, path, overwrite: true);
        }
    }

    /// <summary>The stored file of a storage key, or null when the key is not ours or the file is gone.</summary>
    public (string Path, string ContentType)? Find(string? reference)
    {
        if (reference is null || !reference.StartsWith(Scheme, StringComparison.Ordinal))
            return null;
        var key = reference[Scheme.Length..];
        var type = Types.FirstOrDefault(t => key.EndsWith(t.Extension, StringComparison.Ordinal));
        var path = PathOf(key);
        return type is null || !File.Exists(path) ? null : (path, type.ContentType);
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        // Keys are built here from numbers and hex, but a stored reference is data: never leave the upload root.
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("A material reference points outside the upload directory.");
        return path;
    }

    private static MaterialFileType? Recognise(byte[] bytes, string extension)
    {
        var matches = Types.Where(t => bytes.AsSpan().StartsWith(t.Magic)).ToList();
        // Office files are zip archives: the extension tells a document from a sheet, the content that it is a zip.
        return matches.Count > 1
            ? matches.FirstOrDefault(t => t.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase))
            : matches.FirstOrDefault();
    }
}

public sealed class UploadTooLargeException(long maxBytes) : Exception($"文件超过{maxBytes / 1024 / 1024}MB，请压缩或拆分后再上传。");

public sealed class UnsupportedUploadException() : Exception("只能上传PDF、JPG、PNG、Word文档（docx）或电子表格（xlsx）。");
