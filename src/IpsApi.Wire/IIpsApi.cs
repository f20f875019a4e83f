using System.ServiceModel;

namespace IpsApi.Wire;

/// <summary>
/// The IPS operations as WCF sees them. Each operation declares its member of this interface in its own file
/// under Operations/, beside its message contracts and its Param and Return elements; names, actions and
/// message shapes follow wsdl/IpsApi.wsdl. The attributes are plain System.ServiceModel so a later move from
/// SoapCore to CoreWCF stays mechanical. The server dispatches each member to its operation's handler.
/// </summary>
[ServiceContract(Name = "IpsApiPortType", Namespace = IpsNamespaces.Wsdl)]
[XmlSerializerFormat(Style = OperationFormatStyle.Document, Use = OperationFormatUse.Literal, SupportFaults = true)]
public partial interface IIpsApi;
