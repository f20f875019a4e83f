namespace IpsApi.Jobs.Engine.Running;

/// <summary>
/// Thrown by an executor that cannot run its job type here (a host that leaves a type out, as the test server
/// does): the run fails the way a type without executor does, with the "not supported" FatalError.
/// </summary>
public sealed class JobTypeNotSupportedException() : Exception("This job type is not supported by this server.");
