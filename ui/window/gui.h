// SPDX-License-Identifier: MIT
#pragma once

// Entry point of the desktop app (app/main.cpp calls it when there is a display): creates the
// QApplication, names it for QSettings, shows the main window and runs the event loop.
int runGui(int argc, char *argv[]);
