import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../record/database.js";
import { seedDemo } from "../../server/seed/seedDemo.js";
import { databaseUrl, embeddedTemplateDir, onServer, quoteIdent, TEMPLATE_DATABASE } from "./templateDatabase.js";

declare module "vitest" {
  export interface ProvidedContext {
    templateDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    await onServer(serverUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(TEMPLATE_DATABASE)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdent(TEMPLATE_DATABASE)}`);
    });
    const db = await openDatabase({ url: databaseUrl(serverUrl, TEMPLATE_DATABASE), dataDir: "" });
    await seedDemo(db.prisma);
    await db.close();
    project.provide("templateDir", "");
    return;
  }
  const dir = embeddedTemplateDir();
  if (!fs.existsSync(`${dir}/ready`)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const db = await openDatabase({ dataDir: dir });
    await seedDemo(db.prisma);
    await db.close();
    fs.writeFileSync(`${dir}/ready`, new Date().toISOString());
  }
  project.provide("templateDir", dir);
}
