# Installed with the smmkit package (jupyter-config/ in the repository): every kernel of the course environment loads smmkit's Dutch safety net
# (smmkit/safetynet/), also before a notebook imports the kit and for cells with a SyntaxError.
c.InteractiveShellApp.extensions.append("smmkit.safetynet")
