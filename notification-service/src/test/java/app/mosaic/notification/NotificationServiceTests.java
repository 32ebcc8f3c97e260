package app.mosaic.notification;

import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceBaselineTests;

@MosaicServiceTest
class NotificationServiceTests extends ServiceBaselineTests {
}
