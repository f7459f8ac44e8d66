// qjs: the command-line shell (placeholder until the engine runs scripts).
#include <cstdio>
int main() {
    std::puts("qjs: not yet functional");
    return 1;
}
