// SPDX-License-Identifier: MIT
#include "ui/common/resources.h"

#include <QtGlobal>

void initResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(loopbench);
        return true;
    }();
    (void)done;
}
