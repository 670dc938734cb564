# spare: nothing installed; a target for installs and migrations.
true
