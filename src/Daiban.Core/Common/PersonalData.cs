namespace Daiban.Core.Common;

/// <summary>Masks personal data before it reaches a log line.</summary>
public static class PersonalData
{
    /// <summary>13812345678 → 138****5678; anything shorter keeps only its last two characters.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
            return "";
        if (phone.Length >= 11)
            return string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4));
        return new string('*', Math.Max(0, phone.Length - 2)) + phone[^Math.Min(2, phone.Length)..];
    }

    /// <summary>Identity numbers keep the first and last four characters.</summary>
    public static string MaskIdNumber(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return "";
        if (id.Length <= 8)
            return new string('*', id.Length);
        return string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 8), id.AsSpan(id.Length - 4));
    }

    /// <summary>An openid keeps its first and last four characters: enough for its owner to recognise it.</summary>
    public static string MaskOpenId(string? openId) => MaskIdNumber(openId);
}
