import { chromium } from '@playwright/test';
const [url, out, width, mode] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: Number(width), height: 1400 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForTimeout(1200);
const cells = [['6000','90','18','4','2','1','5000','1100000'],['6500','80','14','3','1','0','5200','0'],['','100','15','4','2','1','','']];
for (let m = 0; m < cells.length; m++) for (let c = 0; c < cells[m].length; c++) if (cells[m][c]) await page.locator(`#result-${m}-${c}`).fill(cells[m][c]);
await page.waitForTimeout(400);
const total = await page.evaluate(() => document.body.scrollHeight);
for (let y = 0, i = 0; y < total && i < 8; y += 1400, i++) {
  await page.evaluate((y) => window.scrollTo(0, y), y);
  await page.waitForTimeout(100);
  await page.screenshot({ path: `${out}_${i}.png` });
}
console.log('height', total, 'scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
await browser.close();
