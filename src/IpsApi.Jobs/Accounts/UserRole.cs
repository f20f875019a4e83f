namespace IpsApi.Jobs.Accounts;

/// <summary>The IPS user roles; member names are the wire strings.</summary>
public enum UserRole
{
    IpsAdmin,
    IpsCompanyAdmin,
    IpsUser,
    WebServiceUser,
    TrialSiteAdmin,
    TrialSiteUser,
    ImagePortalAdmin,
    ImagePortalUser,
    ImagePortalContrib,
    ImagePortalContribUser,
}
