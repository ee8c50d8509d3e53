// office-addin-mock only needs office-addin-manifest for its OfficeApp host enum; this CommonJS
// module stands in for the ESM-only package under jest (the values are the package's own).
module.exports = {
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
};
