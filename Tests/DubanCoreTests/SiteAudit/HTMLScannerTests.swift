import DubanCore
import Foundation
import XCTest

/// The tolerant tokenizer: links, images, base, entities, broken markup, text and dates.
final class HTMLScannerTests: XCTestCase {
    private let page = URL(string: "http://gov.example/xwzx/index.html")!

    func testResolvesRelativeAbsoluteAndRootLinks() {
        let html = """
        <html><head><title>汉阳区 &middot; 首页</title><link rel="stylesheet" href="/css/a.css"></head>
        <body><a href="list.html">列表</a><A HREF='../zwgk/'>政务公开</A><a href=/bmfw/a.html>办事</a>
        <a href="http://other.example/x?a=1&amp;b=2#top">外部</a><img src="img/logo.png" alt="徽标">
        <script src="js/app.js"></script></body></html>
        """
        let scanned = HTMLScanner.scan(html, url: page)
        XCTAssertEqual(scanned.title, "汉阳区 · 首页")
        XCTAssertEqual(scanned.links.map(\.url), [
            "http://gov.example/css/a.css",
            "http://gov.example/xwzx/list.html",
            "http://gov.example/zwgk/",
            "http://gov.example/bmfw/a.html",
            "http://other.example/x?a=1&b=2",
            "http://gov.example/xwzx/img/logo.png",
            "http://gov.example/xwzx/js/app.js",
        ])
        XCTAssertEqual(scanned.links.map(\.kind), [.resource, .anchor, .anchor, .anchor, .anchor, .image, .resource])
        XCTAssertEqual(scanned.links[1].text, "列表")
        XCTAssertEqual(scanned.links[5].text, "徽标")
    }

    func testBaseHrefChangesResolution() {
        let html = #"<head><base href="http://gov.example/sub/"></head><a href="a.html">a</a><img src="/i.png">"#
        let scanned = HTMLScanner.scan(html, url: page)
        XCTAssertEqual(scanned.links.map(\.url), ["http://gov.example/sub/a.html", "http://gov.example/i.png"])
    }

    func testSkipsNonHTTPAndFragmentsAndDuplicates() {
        let html = """
        <a href="javascript:void(0)">x</a><a href="mailto:a@b.cn">m</a><a href="tel:84466029">t</a>
        <a href="#top">top</a><a href="">self</a><a href="data:text/plain,hi">d</a>
        <a href="a.html#p2">a</a><a href="a.html">a</a>
        """
        let scanned = HTMLScanner.scan(html, url: page)
        XCTAssertEqual(scanned.links.map(\.url), ["http://gov.example/xwzx/a.html"])
    }

    func testCommentsScriptsAndStylesAreNotText() {
        let html = """
        <!-- <a href="hidden.html">2020-01-01</a> --><script>var s = "<a href='x.html'>2021-01-01</a>";</script>
        <style>.a{}</style><p>通知&nbsp;公告 2026年11月20日</p><noscript>2019-01-01</noscript>
        """
        let scanned = HTMLScanner.scan(html, url: page)
        XCTAssertEqual(scanned.links, [])
        XCTAssertEqual(scanned.text, "通知 公告 2026年11月20日")
    }

    func testBrokenMarkupDoesNotFail() {
        let html = #"<p>a < b and 3<4 <a href="ok.html>unclosed quote</a> <div class=x>尾部 2026/11/3"#
        let scanned = HTMLScanner.scan(html, url: page)
        XCTAssertTrue(scanned.text.contains("a < b and 3<4"))
        XCTAssertTrue(scanned.text.contains("尾部 2026/11/3"))
        XCTAssertEqual(PublicationDates.find(in: scanned.text), [LocalDate(year: 2026, month: 11, day: 3)!])
    }

    func testNumericEntitiesAndChineseURLs() {
        XCTAssertEqual(HTMLScanner.decodeEntities("&#27721;&#x9633;&amp;&unknown;&lt"), "汉阳&&unknown;&lt")
        let scanned = HTMLScanner.scan(#"<a href="/新闻/列表.html">中文</a>"#, url: page)
        XCTAssertEqual(scanned.links.first?.url, "http://gov.example/%E6%96%B0%E9%97%BB/%E5%88%97%E8%A1%A8.html")
    }

    func testMetaRefreshAndImageInputs() {
        let html = #"<meta http-equiv="Refresh" content="0; url='/new/'"><input type="image" src="go.gif">"#
        let scanned = HTMLScanner.scan(html, url: page)
        XCTAssertEqual(scanned.links.map(\.url), ["http://gov.example/new/", "http://gov.example/xwzx/go.gif"])
    }
}

/// Publication dates in the forms Chinese government sites use.
final class PublicationDatesTests: XCTestCase {
    private func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day)! }

    func testAllForms() {
        let text = "要闻 2026-11-20 通知 2026/11/9 公告 2026.1.5 人事 2026年11月2日 规划 2025 年 3 月 1 日 全角２０２６－"
        XCTAssertEqual(PublicationDates.find(in: text), [d(2026, 11, 20), d(2026, 11, 9), d(2026, 1, 5), d(2026, 11, 2), d(2025, 3, 1)])
    }

    func testFullWidthDigits() {
        XCTAssertEqual(PublicationDates.find(in: "２０２６年１１月２０日"), [d(2026, 11, 20)])
    }

    func testRejectsNonDates() {
        // Month-day only, impossible dates, mixed separators, phone numbers, long digit runs, years out of range.
        let text = "[11-20] 2026-02-30 2026-11/20 84466029 120260-11-20 2026-11-200 1899-01-01 2026年13月1日 电话027-84466029"
        XCTAssertEqual(PublicationDates.find(in: text), [])
    }

    func testDuplicatesAreSeparateEntries() {
        XCTAssertEqual(PublicationDates.find(in: "a 2026-11-20 b 2026-11-20").count, 2)
    }
}

/// robots.txt parsing and matching (RFC 9309).
final class RobotsTxtTests: XCTestCase {
    let robots = RobotsTxt(parsing: """
    # comment
    User-agent: *
    Disallow: /private/
    Allow: /private/open.html
    Disallow: /*.php$
    Crawl-delay: 2

    User-agent: DubanSiteAudit
    User-agent: other
    Disallow: /slow/
    Allow: /slow/fast
    """)

    func testSpecificGroupWins() {
        XCTAssertFalse(robots.allows("/slow/page.html", agent: "DubanSiteAudit/1.0"))
        XCTAssertTrue(robots.allows("/slow/fast.html", agent: "DubanSiteAudit/1.0"))
        // The specific group replaces the * group: /private/ is allowed for DubanSiteAudit.
        XCTAssertTrue(robots.allows("/private/x.html", agent: "DubanSiteAudit/1.0"))
        XCTAssertNil(robots.crawlDelay(agent: "DubanSiteAudit/1.0"))
    }

    func testStarGroupLongestMatchAndAnchor() {
        XCTAssertFalse(robots.allows("/private/x.html", agent: "SomeBot"))
        XCTAssertTrue(robots.allows("/private/open.html", agent: "SomeBot"))
        XCTAssertFalse(robots.allows("/a/b.php", agent: "SomeBot"))
        XCTAssertTrue(robots.allows("/a/b.php?x=1", agent: "SomeBot"))
        XCTAssertTrue(robots.allows("/slow/page.html", agent: "SomeBot"))
        XCTAssertEqual(robots.crawlDelay(agent: "SomeBot"), 2)
    }

    func testTieGoesToAllowAndEmptyDisallowAllowsAll() {
        let tie = RobotsTxt(parsing: "User-agent: *\nDisallow: /a\nAllow: /a\n")
        XCTAssertTrue(tie.allows("/a/x", agent: "b"))
        let empty = RobotsTxt(parsing: "User-agent: *\nDisallow:\n")
        XCTAssertTrue(empty.allows("/anything", agent: "b"))
        XCTAssertFalse(RobotsTxt.disallowAll.allows("/", agent: "b"))
        XCTAssertTrue(RobotsTxt.disallowAll.allows("/robots.txt", agent: "b"))
        XCTAssertTrue(RobotsTxt.allowAll.allows("/x", agent: "b"))
    }
}
