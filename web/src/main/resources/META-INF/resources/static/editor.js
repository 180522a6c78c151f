// The structure editor (JSME, bundled by the Maven build under /vendor/jsme/) and the form's SMILES
// field stay in step: drawing writes SMILES into the field, typing SMILES redraws. Without the
// editor (not bundled, failed to load) the field alone works.
(function () {
  var box = document.getElementById('structure-editor');
  if (!box) return;
  var field = document.getElementById(box.dataset.field || 'smiles');
  window.jsmeOnLoad = function () {
    try {
      box.hidden = false;
      var width = Math.min(box.clientWidth || 520, 560) + 'px';
      var applet = new JSApplet.JSME('structure-editor', width, '340px', { options: 'newlook,nocanonize' });
      if (field.value) applet.readGenericMolecularInput(field.value);
      applet.setCallBack('AfterStructureModified', function () { field.value = applet.smiles(); });
      field.addEventListener('change', function () {
        if (field.value.trim() !== applet.smiles()) applet.readGenericMolecularInput(field.value.trim());
      });
      window.cryoStructureEditor = applet;
    } catch (e) {
      box.hidden = true;
    }
  };
  var script = document.createElement('script');
  script.src = '/vendor/jsme/package/jsme.nocache.js';
  script.onerror = function () { box.hidden = true; };
  document.head.appendChild(script);
})();
