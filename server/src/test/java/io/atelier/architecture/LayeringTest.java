package io.atelier.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package tree is the architecture; these rules fail the build when it drifts. */
@AnalyzeClasses(packages = "io.atelier", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule domainIsPureJava =
      classes()
          .that()
          .resideInAPackage("io.atelier.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.atelier.domain..", "java..")
          .because("the domain is tested without a network and runs inside any store");

  @ArchTest
  static final ArchRule applicationKnowsNoFramework =
      noClasses()
          .that()
          .resideInAnyPackage("io.atelier.application..", "io.atelier.protocol..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.vertx..", "com.hazelcast..", "io.atelier.adapter..")
          .because("use cases talk to the outside only through their ports");

  @ArchTest
  static final ArchRule onlyTheHazelcastAdapterKnowsHazelcast =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.atelier.adapter.hazelcast..")
          .and()
          .doNotHaveFullyQualifiedName("io.atelier.NodeStorage")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.hazelcast..");

  @ArchTest
  static final ArchRule onlyTheJdbcAdapterKnowsSql =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.atelier.adapter.jdbc..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..")
          .because("the journal's storage is reached only through the WorkshopJournal port");

  @ArchTest
  static final ArchRule adaptersDoNotKnowEachOther =
      noClasses()
          .that()
          .resideInAPackage("io.atelier.adapter.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.atelier.adapter.hazelcast..", "io.atelier.adapter.memory..");

  @ArchTest
  static final ArchRule onlyTheQrAdapterKnowsZxing =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.atelier.adapter.qr..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.google.zxing..")
          .because("the QR code library stays behind QrCodeSvg (ADR 0018): use QrCodeSvg.of(url)");

  @ArchTest
  static final ArchRule onlyTheMetricsAdapterKnowsMicrometer =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.atelier.adapter.metrics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micrometer..", "io.vertx.micrometer..", "io.prometheus..")
          .because(
              "the path of a change reports through the RoomMetrics port (ADR 0019):"
                  + " use PrometheusMetrics.rooms(), or RoomMetrics.NONE");
}
