namespace IpsApi.Server.Soap;

/// <summary>
/// The operations of the IPS API as its reference documents them (current and deprecated). A body element naming
/// one of these that this server does not implement is answered "not supported here" rather than "unknown".
/// </summary>
public static class IpsOperationNames
{
    public static readonly IReadOnlySet<string> Documented = new HashSet<string>(StringComparer.Ordinal)
    {
        "addCompany", "addCompanyMembership", "addGroupMembers", "addGroupMembership", "addMediaPortalEvent", "addProjectAssets",
        "addTagFieldValues", "addUser", "batchGetAssetPublishContexts", "batchSetAssetMetadata", "batchSetFontFields", "batchSetIccProfileFields",
        "batchSetImageFields", "batchSetThumbAsset", "cdnCacheInvalidation", "checkAssetNames", "checkLogin", "copyImage",
        "createAssetSet", "createDerivedAsset", "createFolder", "createImageSet", "createMetadataField", "createProject",
        "createPropertySet", "createPropertySetType", "createTemplate", "createViewerPreset", "createVignettePublishFormat", "deleteAsset",
        "deleteAssetMetadata", "deleteAssets", "deleteFolder", "deleteGroup", "deleteImageFormat", "deleteImageMap",
        "deleteJob", "deleteMetadataField", "deleteProject", "deletePropertySet", "deletePropertySetType", "deleteTagFieldValues",
        "deleteVignettePublishFormat", "deleteZoomTarget", "emptyAssetsFromTrash", "executeJob", "forceRepublishAssets", "generatePassword",
        "getActiveJobs", "getActivePublishContexts", "getAllCompanies", "getAllUsers", "getAssetCounts", "getAssetJobLogs",
        "getAssetMetadataFields", "getAssetPublishHistory", "getAssetSetDefinitions", "getAssets", "getAssetsByName", "getAssociatedAssets",
        "getAutoCropRect", "getCdnCacheInvalidationStatus", "getCompanyInfo", "getCompanyMembers", "getCompanyMembership", "getCompanySettings",
        "getDiskUsage", "getDistinctMetadataValues", "getFolderTree", "getFolders", "getGenerationInfo", "getGroupMembers",
        "getGroupMembership", "getGroups", "getImageFormats", "getImageRenderingPublishSettings", "getImageServingPublishSettings", "getImageSetMembers",
        "getJobLogDetails", "getJobLogs", "getMediaPortalEvent", "getMetadataFields", "getOriginalFilePaths", "getPhotoshopPath",
        "getPhotoshopPathNames", "getProjects", "getProperty", "getPropertySetType", "getPropertySetTypes", "getPropertySets",
        "getPublishContexts", "getScheduledJobs", "getSearchStrings", "getSystemProperties", "getTagFieldValues", "getUniqueMetadataValues",
        "getUserChars", "getUserInfo", "getUsers", "getViewerConfigSettings", "getVignettePublishFormats", "getXMPPacket",
        "getZipEntries", "moveAsset", "moveAssets", "moveFolder", "pauseJob", "removeAssetPermissions",
        "removeCompanyMembership", "removeFolderPermissions", "removeGroupMembers", "removeGroupMembership", "removeProjectAssets", "renameAsset",
        "renameFolder", "renameProject", "replaceImage", "restoreAssetsFromTrash", "resumeJob", "saveGroup",
        "saveImageFormat", "saveImageMap", "saveMetadataField", "saveZoomTarget", "searchAssets", "searchAssetsByFullText",
        "searchAssetsByMetadata", "setAssetMetadata", "setAssetPermissions", "setAssetPublishState", "setAssetSetDefinition", "setAssetsContextState",
        "setAssetsPublishState", "setCompanyMembership", "setCompanySettings", "setFolderPermissions", "setGroupMembers", "setGroupMembership",
        "setImageMaps", "setImageRenderingPublishSettings", "setImageServingPublishSettings", "setImageSetMembers", "setPassword", "setProjectAssets",
        "setTagFieldValues", "setUrlModifier", "setUserInfo", "setViewerConfigSettings", "setZoomTargets", "stopJob",
        "submitJob", "updateAssetPermissions", "updateAssetSet", "updateFolderPermissions", "updateImageSet", "updateMetadataField",
        "updatePropertySet", "updateTagFieldValues", "updateViewerConfigSettings", "updateVignettePublishFormat", "updateXMPPacket",
    };
}
