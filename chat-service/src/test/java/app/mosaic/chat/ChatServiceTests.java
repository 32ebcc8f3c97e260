package app.mosaic.chat;

import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceBaselineTests;

@MosaicServiceTest
class ChatServiceTests extends ServiceBaselineTests {
}
