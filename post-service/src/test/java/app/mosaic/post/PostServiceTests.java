package app.mosaic.post;

import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceBaselineTests;

@MosaicServiceTest
class PostServiceTests extends ServiceBaselineTests {
}
