import { defineConfig, devices } from '@playwright/test';

// The release build in ../dist, served as static files exactly as a host would serve
// them. This config never builds: `npm test` runs `trunk build --release` first
// (`npm run test:only` tests whatever ../dist holds).
const PORT = 4173; // DIST_URL in tests/support.ts
const BASE_URL = `http://127.0.0.1:${PORT}`;
// The designer gallery is not in the release bundle hosts embed: its tests run against
// the release build with the `gallery` feature, in ../dist-gallery
// (`trunk build --release --features gallery --dist dist-gallery`).
const GALLERY_PORT = 4174; // GALLERY_URL in tests/support.ts

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  timeout: 20_000,
  expect: { timeout: 5_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: BASE_URL,
    // Pin what the page's date formatting and layout depend on.
    locale: 'en-GB',
    timezoneId: 'UTC',
    colorScheme: 'light',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: no browser is downloaded for these tests.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: [
    {
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ../dist`,
      url: `${BASE_URL}/index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: `python3 -m http.server ${GALLERY_PORT} --bind 127.0.0.1 --directory ../dist-gallery`,
      url: `http://127.0.0.1:${GALLERY_PORT}/index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 15_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
});
