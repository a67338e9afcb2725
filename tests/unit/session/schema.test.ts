// Session document: save -> serialise -> parse round trip (exact equality: JSON numbers round-trip), and
// validation messages for bad, foreign and newer-version documents; unknown fields are ignored.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SESSION_VERSION, type SessionDoc } from '../../../src/app/session/schema';
import {
  SessionError,
  parseSession,
  serializeSession,
  validateSession,
} from '../../../src/app/session/validate';
import { sampleSession } from './fixtures';

function expectProblem(fn: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(SessionError);
  expect((caught as Error).message).toMatch(pattern);
}

describe('session schema', () => {
  it('round-trips save -> parse to an equal document', () => {
    const doc = sampleSession();
    expect(parseSession(serializeSession(doc), 'a.otwin.json')).toEqual(doc);
  });

  it('round-trips arbitrary finite cameras and organ states', () => {
    const vec = fc.tuple(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    );
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        vec,
        vec,
        fc.double({ min: 1, max: 170, noNaN: true }),
        fc.array(
          fc.record({
            name: fc.string(),
            color: fc.tuple(unit, unit, unit),
            opacity: unit,
            visible: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
        (p, t, fov, organs) => {
          const doc: SessionDoc = {
            ...sampleSession(),
            organs,
            camera: { position: p, target: t, up: [0, 0, 1], fov },
          };
          expect(parseSession(serializeSession(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ignores unknown fields at every level', () => {
    const raw = JSON.parse(serializeSession(sampleSession())) as Record<string, unknown>;
    raw.futureThing = { x: 1 };
    (raw.organs as Record<string, unknown>[])[0]!.shininess = 0.4;
    (raw.camera as Record<string, unknown>).zoom = 2;
    const doc = validateSession(raw);
    expect(doc).toEqual(sampleSession());
    expect('futureThing' in doc).toBe(false);
  });

  it('refuses a newer version with an actionable message', () => {
    const raw = { ...sampleSession(), version: SESSION_VERSION + 1 };
    expectProblem(
      () => validateSession(raw, 'new.otwin.json'),
      /new\.otwin\.json: saved by a newer Organ Twin .*v2.*update the app/,
    );
  });

  it('refuses non-JSON and foreign JSON, naming the file', () => {
    expectProblem(
      () => parseSession('{"format": ', 'broken.otwin.json'),
      /^broken\.otwin\.json: not valid JSON/,
    );
    expectProblem(
      () => parseSession('{"resourceType":"Patient"}', 'x.json'),
      /x\.json: not an Organ Twin session/,
    );
    expectProblem(() => parseSession('[1,2]', 'y.json'), /expected a JSON object/);
  });

  it('reports every bad field with its path', () => {
    const raw = JSON.parse(serializeSession(sampleSession())) as Record<string, any>;
    raw.organs[1].opacity = 3;
    raw.organs[0].color = [1, 2];
    raw.camera.fov = 0;
    raw.sources[0].kind = 'url';
    expectProblem(
      () => validateSession(raw, 's.json'),
      /sources\[0\]\.kind.*organs\[0\]\.color: expected 3 finite numbers.*organs\[1\]\.opacity: expected a number in 0\.\.1.*camera\.fov/,
    );
  });
});
