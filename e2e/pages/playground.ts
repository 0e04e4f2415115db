import type { Locator, Page } from '@playwright/test';

/** Locators shared by the specs: by role and accessible name, as people find things. */
export const runButton = (page: Page): Locator => page.getByRole('button', { name: 'Run', exact: true });
export const stopButton = (page: Page): Locator => page.getByRole('button', { name: 'Stop', exact: true });

export async function setModel(page: Page, model: string): Promise<void> {
  const field = page.getByLabel('Model (model)');
  await field.fill(model);
  await field.press('Tab');
}

export async function fillPrompt(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt (prompt)').fill(prompt);
}
