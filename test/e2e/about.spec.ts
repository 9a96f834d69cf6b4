// End to end (Chromium against the browser host): Help's About box — what the lab is, the credits of every data set it ships, and the host it runs in.
import { expect, test } from './labFixture.js';

test('About credits each shipped data set with its authors and licence, and names the host', async ({ page, labUrl }, testInfo) => {
  await page.goto(labUrl);
  await page.getByRole('button', { name: 'About', exact: true }).click();
  const about = page.getByRole('dialog', { name: 'About Backprop Lab' });
  await expect(about).toBeVisible();
  await expect(about).toContainText('UCI Machine Learning Repository, each licensed under CC BY 4.0');
  for (const credit of [
    '“Optical Recognition of Handwritten Digits”, E. Alpaydin and C. Kaynak, 1998',
    '“Iris”, R. A. Fisher, 1936',
    '“Wine”, M. Forina et al., 1991',
    '“Breast Cancer Wisconsin (Diagnostic)”, W. Wolberg et al., 1995',
  ])
    await expect(about.getByRole('listitem').filter({ hasText: credit })).toHaveCount(1);
  await expect(about).toContainText('“Fashion-MNIST”, H. Xiao, K. Rasul and R. Vollgraf (Zalando Research), 2017, MIT licence');
  await expect(about).toContainText('DejaVu Sans');
  await expect(about).toContainText('host: browser');
  await page.screenshot({ path: testInfo.outputPath('about-1280.png') });
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();
});
