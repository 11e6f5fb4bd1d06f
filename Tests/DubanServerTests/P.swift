import XCTVapor
