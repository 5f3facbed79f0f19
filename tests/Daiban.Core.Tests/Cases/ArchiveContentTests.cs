using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Daiban.Core.Cases;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>
/// The archive's content is camelCase like the rest of the API (architecture issue, item 6), while archives stored
/// before, in PascalCase, stay byte for byte as they are and keep proving themselves with their hash.
/// </summary>
public sealed class ArchiveContentTests
{
    private static CaseArchive NewArchive() =>
        CompileArchive(InState(ServiceMode.FullService, CaseStatus.Evaluated), Monday);

    /// <summary>An archive as the compiler wrote it before: every property name as C# spells it.</summary>
    private static CaseArchive StoredPascalCase(CaseArchive now, bool withEnterpriseView = true)
    {
        var content = PascalCased(now.ContentJson);
        var enterprise = PascalCased(now.EnterpriseContentJson!);
        // The oldest rows have no enterprise view: its columns are NULL.
        return withEnterpriseView
            ? new CaseArchive(now.CaseId, content, CaseArchiveCompiler.Hash(content), enterprise,
                CaseArchiveCompiler.Hash(enterprise), now.CompiledBy, now.CompiledAt)
            : new CaseArchive(now.CaseId, content, CaseArchiveCompiler.Hash(content), null!, null!, now.CompiledBy,
                now.CompiledAt);
    }

    // Written the way the compiler wrote then: indented, Chinese unescaped.
    private static readonly JsonSerializerOptions OldWriter =
        new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string PascalCased(string json) => Pascal(JsonNode.Parse(json))!.ToJsonString(OldWriter);

    private static JsonNode? Pascal(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p =>
            KeyValuePair.Create(char.ToUpperInvariant(p.Key[0]) + p.Key[1..], Pascal(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Pascal).ToArray()),
        _ => node?.DeepClone(),
    };

    private static bool SameDocument(string a, string b) => JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));

    [Fact]
    public void ANewArchive_IsWrittenCamelCase_AndItsHashCoversTheStoredBytes()
    {
        var @case = InState(ServiceMode.FullService, CaseStatus.Evaluated);
        var archive = CompileArchive(@case, Monday);
        var content = JsonNode.Parse(archive.ContentJson)!.AsObject();
        var enterprise = JsonNode.Parse(archive.EnterpriseContentJson!)!.AsObject();

        Assert.Equal(@case.CaseNumber, content["caseNumber"]!.GetValue<string>());
        Assert.False(content.ContainsKey("CaseNumber"));
        Assert.Equal("S3-01", content["items"]![0]!["itemCode"]!.GetValue<string>());
        Assert.Equal("Industrial", content["project"]!["kind"]!.GetValue<string>());
        Assert.Equal("Online", content["channel"]!.GetValue<string>());
        Assert.True(enterprise.ContainsKey("log"));
        Assert.Equal(CaseArchiveCompiler.Hash(archive.ContentJson), archive.ContentHash);
        Assert.True(CaseArchiving.IsIntact(archive));
        // Served as stored: nothing to convert.
        Assert.Equal(archive.ContentJson, CaseArchiving.Content(archive));
    }

    [Fact]
    public void AnArchiveStoredPascalCase_StaysIntact_AndIsServedLikeANewOne()
    {
        var now = NewArchive();
        var old = StoredPascalCase(now);

        Assert.True(CaseArchiving.IsIntact(old));
        Assert.Contains("\"CaseNumber\"", old.ContentJson);
        Assert.True(SameDocument(now.ContentJson, CaseArchiving.Content(old)));
        var (json, hash, intact) = CaseArchiving.ForEnterprise(old);
        Assert.True(intact);
        Assert.Equal(old.EnterpriseContentHash, hash);
        Assert.True(SameDocument(now.EnterpriseContentJson!, json));
    }

    [Fact]
    public void AnArchiveStoredPascalCase_ThatWasChanged_IsNotIntact()
    {
        var old = StoredPascalCase(NewArchive());
        var changed = new CaseArchive(old.CaseId, old.ContentJson.Replace("非常满意", "不满意"), old.ContentHash,
            old.EnterpriseContentJson!.Replace("非常满意", "不满意"), old.EnterpriseContentHash!, old.CompiledBy,
            old.CompiledAt);

        Assert.False(CaseArchiving.IsIntact(changed));
        Assert.False(CaseArchiving.ForEnterprise(changed).Intact);
    }

    [Fact]
    public void TheOldestArchive_WithoutAnEnterpriseView_IsCutDownAndServedCamelCase()
    {
        var old = StoredPascalCase(NewArchive(), withEnterpriseView: false);

        var (json, hash, intact) = CaseArchiving.ForEnterprise(old);

        var view = JsonNode.Parse(json)!.AsObject();
        Assert.True(intact);
        Assert.Equal(old.ContentHash, hash);
        Assert.Contains("caseNumber", view.Select(p => p.Key));
        Assert.Contains("evaluation", view.Select(p => p.Key));
        foreach (var secret in new[] { "log", "transitions", "assignments", "items", "materials", "Log", "CaseNumber" })
            Assert.False(view.ContainsKey(secret), secret);
    }
}
