package org.clinicflow.tracking;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.ServiceContractTest;

/** tracking-service answers health, metrics and OpenAPI on its own real database, refuses anonymous and forged calls, and reads real tokens. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StandInPort.class)
class TrackingServiceContractTest extends ServiceContractTest {
}
