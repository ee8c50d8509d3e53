// office-addin-mock only needs office-addin-manifest to read a manifest's host; our tests pass
// the host explicitly, so this empty module stands in for the ESM-only package under jest.
module.exports = {};
