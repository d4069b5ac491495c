package org.clinicflow.notification;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.clinicflow.testing.RealInfrastructure;
import org.clinicflow.testing.ServiceContractTest;

/** notification-service answers health, metrics and OpenAPI on its own real database, refuses anonymous and forged calls, and reads real tokens. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeTwilio.class)
class NotificationServiceContractTest extends ServiceContractTest {
}
