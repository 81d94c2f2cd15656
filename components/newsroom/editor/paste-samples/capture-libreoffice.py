# Copies a whole Writer document to LibreOffice's clipboard (Select All, Copy) and saves the text/html flavour:
# the same bytes a browser reads when one pastes from Writer. How libreoffice.html was made (README.md).
#
#   apt-get install -y --no-install-recommends libreoffice-writer python3-uno
#   /usr/bin/python3 capture-libreoffice.py libreoffice-source.fodt libreoffice.html
#
# libreoffice-writer, not -nogui: the nogui build cannot open a document view, and Copy needs one.
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

PORT = 2202


def main(source, target):
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    office = subprocess.Popen([
        'soffice', '--headless', '--invisible', '--norestore', f'-env:UserInstallation=file://{profile}',
        f'--accept=socket,host=127.0.0.1,port={PORT};urp;',
    ])
    try:
        ctx = connect()
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, (hidden(),))
        frame = doc.getCurrentController().getFrame()
        dispatch = smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
        dispatch.executeDispatch(frame, '.uno:SelectAll', '', 0, ())
        dispatch.executeDispatch(frame, '.uno:Copy', '', 0, ())
        clipboard = smgr.createInstanceWithContext('com.sun.star.datatransfer.clipboard.SystemClipboard', ctx)
        contents = clipboard.getContents()
        html = next(f for f in contents.getTransferDataFlavors() if f.MimeType.startswith('text/html'))
        data = bytes(contents.getTransferData(html).value)
        # LibreOffice ends the flavour with a NUL terminator; a browser's HTML parser ignores it.
        with open(target, 'wb') as out:
            out.write(data.rstrip(b'\0'))
        doc.close(True)
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


def connect():
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(60):
        try:
            return resolver.resolve(f'uno:socket,host=127.0.0.1,port={PORT};urp;StarOffice.ComponentContext')
        except Exception:
            time.sleep(0.5)
    raise RuntimeError('LibreOffice did not start')


def hidden():
    value = PropertyValue()
    value.Name = 'Hidden'
    value.Value = True
    return value


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
