package app.mosaic.user;

import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceBaselineTests;

@MosaicServiceTest
class UserServiceTests extends ServiceBaselineTests {
}
