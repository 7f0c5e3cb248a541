import { describe, expect, it } from 'vitest';
import { defineProgram } from './define.js';
import { programs } from '../../programs/registry.js';
import { permissionCatalogue } from '../people/catalogue.js';

const base = { name: { en: 'X', es: 'X' }, summary: { en: 'x', es: 'x' } };

describe('defineProgram', () => {
  it('rejects an id that cannot be a URL segment', () => {
    expect(() => defineProgram({ ...base, id: 'Bad Id', permissions: {} })).toThrow(/lower-case/);
  });

  it("requires a program's permissions to carry its id", () => {
    expect(() => defineProgram({ ...base, id: 'walks', permissions: { 'tips:read': { description: 'x', defaultRoles: [] } } }))
      .toThrow(/must start with "walks:"/);
  });

  it('puts every registered program permission into the catalogue, with unique program ids', () => {
    const catalogue = permissionCatalogue(programs);
    expect(catalogue['notices:publish']).toBeDefined();
    expect(catalogue['incidents:read']).toBeDefined();
    expect(new Set(programs.map((p) => p.id)).size).toBe(programs.length);
  });
});
