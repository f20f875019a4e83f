// The company and user types getCompanyInfo, getCompanyMembership, getUserInfo and getCompanySettings answer with.

using System.Xml.Serialization;

namespace IpsApi.Wire;

/// <summary>A company: its handle, name, root path (the name and '/') and expiry.</summary>
[XmlType("Company", Namespace = IpsNamespaces.Types)]
public class Company
{
    [XmlElement("companyHandle", Order = 1)]
    public string? CompanyHandle { get; set; }

    [XmlElement("name", Order = 2)]
    public string? Name { get; set; }

    [XmlElement("rootPath", Order = 3)]
    public string? RootPath { get; set; }

    [XmlElement("expires", Order = 4)]
    public DateTime? Expires { get; set; }

    public bool ShouldSerializeExpires() => Expires.HasValue;
}

/// <summary>A company a user belongs to, with the user's role there.</summary>
[XmlType("CompanyMembership", Namespace = IpsNamespaces.Types)]
public class CompanyMembership
{
    [XmlElement("company", Order = 1)]
    public Company? Company { get; set; }

    [XmlElement("role", Order = 2)]
    public string? Role { get; set; }

    [XmlElement("isActive", Order = 3)]
    public bool? IsActive { get; set; }

    public bool ShouldSerializeIsActive() => IsActive.HasValue;
}

/// <summary>A list of company memberships.</summary>
[XmlType("CompanyMembershipArray", Namespace = IpsNamespaces.Types)]
public class CompanyMembershipArray
{
    [XmlElement("items", Order = 1)]
    public List<CompanyMembership> Items { get; set; } = new();
}

/// <summary>A user.</summary>
[XmlType("User", Namespace = IpsNamespaces.Types)]
public class User
{
    [XmlElement("userHandle", Order = 1)]
    public string? UserHandle { get; set; }

    [XmlElement("firstName", Order = 2)]
    public string? FirstName { get; set; }

    [XmlElement("lastName", Order = 3)]
    public string? LastName { get; set; }

    [XmlElement("email", Order = 4)]
    public string? Email { get; set; }

    [XmlElement("defaultRole", Order = 5)]
    public string? DefaultRole { get; set; }

    [XmlElement("isValid", Order = 6)]
    public bool? IsValid { get; set; }

    public bool ShouldSerializeIsValid() => IsValid.HasValue;

    [XmlElement("passwordExpires", Order = 7)]
    public DateTime? PasswordExpires { get; set; }

    public bool ShouldSerializePasswordExpires() => PasswordExpires.HasValue;
}

/// <summary>A company's settings: what this server has of them.</summary>
[XmlType("CompanySettings", Namespace = IpsNamespaces.Types)]
public class CompanySettings
{
    [XmlElement("overwriteMode", Order = 1)]
    public string? OverwriteMode { get; set; }

    [XmlElement("retainPublishState", Order = 2)]
    public bool? RetainPublishState { get; set; }

    public bool ShouldSerializeRetainPublishState() => RetainPublishState.HasValue;

    [XmlElement("diskSpaceWarningMin", Order = 3)]
    public int? DiskSpaceWarningMin { get; set; }

    public bool ShouldSerializeDiskSpaceWarningMin() => DiskSpaceWarningMin.HasValue;

    [XmlElement("emailTrashCleanupWarning", Order = 4)]
    public bool? EmailTrashCleanupWarning { get; set; }

    public bool ShouldSerializeEmailTrashCleanupWarning() => EmailTrashCleanupWarning.HasValue;

    [XmlElement("timeZone", Order = 5)]
    public string? TimeZone { get; set; }
}
