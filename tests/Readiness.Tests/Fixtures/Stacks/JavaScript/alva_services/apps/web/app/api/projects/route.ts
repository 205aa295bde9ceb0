import { NextResponse } from "next/server";
import { db } from "@/lib/db";

export async function GET() {
  try {
    const projects = await db.project.findMany();
    return NextResponse.json(projects);
  } catch (err: unknown) {
    const error = err as Error;
    return NextResponse.json({ error: error.message, detail: error.stack }, { status: 500 });  // Noncompliant RDY1302 RDY1302
  }
}
