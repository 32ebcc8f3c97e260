package app.mosaic.feed;

import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceBaselineTests;

@MosaicServiceTest
class FeedServiceTests extends ServiceBaselineTests {
}
