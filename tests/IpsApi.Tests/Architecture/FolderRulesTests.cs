using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using IpsApi.Jobs.Engine.Running;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace IpsApi.Tests.Architecture;

/// <summary>
/// Which folders may use which, read from the compiled code (a folder is a namespace). The engine's folders form no
/// cycle, nor do the other folders of the jobs and assets code; the engine knows no job type; executors see neither
/// the wire types nor Quartz, and in the jobs code only each job type's definition (&lt;Name&gt;JobType, its shared
/// mapping in JobTypes/Mapping and IngestWire) reads and writes wire types.
/// </summary>
public sealed class FolderRulesTests
{
    private static readonly ArchitectureModel Code = new ArchLoader()
        .LoadAssemblies(
            typeof(IpsApi.Jobs.Engine.Queue.DispatchQueue).Assembly,
            typeof(IpsApi.Assets.Store.AssetStore).Assembly,
            typeof(IpsApi.Wire.SubmitJobParam).Assembly,
            typeof(IpsApi.Server.Hosting.ServerApp).Assembly)
        .Build();

    private static readonly IObjectProvider<IType> WireTypes =
        Types().That().ResideInNamespace("IpsApi.Wire").Or().ResideInNamespace("IpsApi.Server.Soap").As("wire and SOAP types");

    [Fact]
    public void The_engine_folders_import_each_other_without_a_cycle() =>
        SliceRuleDefinition.Slices().Matching("IpsApi.Jobs.Engine.(*)..").Should().BeFreeOfCycles().Check(Code);

    [Fact]
    public void The_folders_of_the_jobs_and_assets_code_import_each_other_without_a_cycle()
    {
        SliceRuleDefinition.Slices().Matching("IpsApi.Jobs.(**)").Should().BeFreeOfCycles().Check(Code);
        SliceRuleDefinition.Slices().Matching("IpsApi.Assets.(**)").Should().BeFreeOfCycles().Check(Code);
    }

    [Fact]
    public void The_engine_runs_any_job_type_without_knowing_one() =>
        Types().That().ResideInNamespaceMatching(@"IpsApi\.Jobs\.Engine(\..*)?")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"IpsApi\.Jobs\.JobTypes(\..*)?"))
            .Check(Code);

    [Fact]
    public void Executors_touch_neither_wire_types_nor_quartz() =>
        Types().That().AreAssignableTo(typeof(IJobExecutor)).Or().HaveFullNameMatching(@".*Executor\+.*")
            .Should().NotDependOnAny(WireTypes)
            .AndShould().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"Quartz(\..*)?"))
            .Check(Code);

    [Fact]
    public void Only_the_job_types_own_mapping_reads_and_writes_wire_types_in_the_jobs_code() =>
        Types().That().ResideInNamespaceMatching(@"IpsApi\.Jobs(\..*)?")
            .And().DoNotResideInNamespace("IpsApi.Jobs.JobTypes.Mapping")
            .And().DoNotHaveFullNameMatching(@".*(JobType|Wire)(\+.*)?$")
            .Should().NotDependOnAny(WireTypes)
            .Check(Code);

    [Fact]
    public void The_job_tables_do_not_reach_up_into_the_engine() =>
        Types().That().ResideInNamespace("IpsApi.Jobs.Store")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"IpsApi\.Jobs\.(Engine|JobTypes|Control)(\..*)?"))
            .Check(Code);
}
