package app.mosaic.media;

import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceBaselineTests;

@MosaicServiceTest
class MediaServiceTests extends ServiceBaselineTests {
}
