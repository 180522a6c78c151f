package org.cryoprotect.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The harness itself: the real stack answers the real browser, in both viewports, and screenshots land on disk. */
class HarnessIT extends BrowserTest {

    @Test
    void theStartPageRendersInBothViewports() {
        open("/");
        visible(By.cssSelector("header .brand"));
        assertEquals("CryoProtect", browser.findElement(By.cssSelector("header .brand")).getText());
        Path desktop = screenshot("start");
        assertTrue(Files.exists(desktop), desktop.toString());
        assertEquals(1280L, ((JavascriptExecutor) browser).executeScript("return window.innerWidth"));

        phone();
        open("/");
        visible(By.cssSelector("header .brand"));
        assertEquals(390L, ((JavascriptExecutor) browser).executeScript("return window.innerWidth"));
        assertTrue(fitsHorizontally(), "nothing wider than the phone's viewport");
        assertTrue(Files.exists(screenshot("start")));
    }
}
