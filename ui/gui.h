#pragma once

// Entry point of the desktop app (app/main.cpp calls it when there is a display): creates the
// QApplication, names it for QSettings, shows the main window and runs the event loop.
int runGui(int argc, char *argv[]);

// Registers the icon and presets compiled into the ui library. A static library's resource
// initialiser is dropped by the linker unless someone calls it; idempotent.
void initResources();
