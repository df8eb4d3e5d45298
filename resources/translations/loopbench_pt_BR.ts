<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>ChartExporter</name>
    <message>
        <source>PNG encoder: %1</source>
        <translation>codificador PNG: %1</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>%1: the file name must end in .png or .svg</source>
        <translation>%1: o nome do arquivo deve terminar em .png ou .svg</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the PNG encoder failed</source>
        <translation>%1: o codificador PNG falhou</translation>
    </message>
    <message>
        <source>Save chart as…</source>
        <translation>Salvar gráfico como…</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>Copiar gráfico</translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>Salvar gráfico como</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Imagem PNG (*.png);;Imagem SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>ComparisonChart</name>
    <message>
        <source>wall time</source>
        <translation>tempo real</translation>
    </message>
    <message>
        <source>ideal bound</source>
        <translation>limite ideal</translation>
    </message>
    <message>
        <source>completion time (s)</source>
        <translation>tempo de conclusão (s)</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>tempo (s)</translation>
    </message>
    <message>
        <source>ideal bound %1</source>
        <translation>limite ideal %1</translation>
    </message>
    <message>
        <source>wall time %1</source>
        <translation>tempo real %1</translation>
    </message>
    <message>
        <source>No comparison yet</source>
        <translation>Nenhuma comparação ainda</translation>
    </message>
    <message>
        <source>Compare (F5) runs one plan on 1 loop, then on K</source>
        <translation>Comparar (F5) executa um plano em 1 loop e depois em K</translation>
    </message>
    <message>
        <source>Earlier comparison (%1)</source>
        <translation>Comparação anterior (%1)</translation>
    </message>
    <message>
        <source>K = %1</source>
        <translation>K = %1</translation>
    </message>
    <message>
        <source>same plan, %L1 tasks</source>
        <translation>mesmo plano, %L1 tarefas</translation>
    </message>
    <message>
        <source>%1: no completed run</source>
        <translation>%1: nenhuma execução concluída</translation>
    </message>
    <message>
        <source>%1: ideal bound %2</source>
        <translation>%1: limite ideal %2</translation>
    </message>
    <message>
        <source>%1: wall time %2, one run</source>
        <translation>%1: tempo real %2, uma execução</translation>
    </message>
    <message>
        <source>%1: wall time %2, the median of %L3 runs
fastest %4, slowest %5</source>
        <translation>%1: tempo real %2, a mediana de %L3 execuções
mais rápida %4, mais lenta %5</translation>
    </message>
    <message>
        <source>baseline, K = %1, run started %2</source>
        <translation>referência, K = %1, execução iniciada em %2</translation>
    </message>
    <message>
        <source>candidate, K = %1, run started %2</source>
        <translation>candidata, K = %1, execução iniciada em %2</translation>
    </message>
</context>
<context>
    <name>ConfigPanel</name>
    <message>
        <source>Number of tasks in the plan, %1. Accepts 10000, 10,000 or 10k.</source>
        <translation>Número de tarefas do plano, %1. Aceita 10000, 10,000 ou 10k.</translation>
    </message>
    <message>
        <source>Task count</source>
        <translation>Número de tarefas</translation>
    </message>
    <message>
        <source>Shortest simulated IO delay per task, %1</source>
        <translation>Menor atraso de E/S simulado por tarefa, %1</translation>
    </message>
    <message>
        <source>IO delay minimum, ms</source>
        <translation>Atraso de E/S mínimo, ms</translation>
    </message>
    <message>
        <source>Longest simulated IO delay per task, %1 (not below the minimum)</source>
        <translation>Maior atraso de E/S simulado por tarefa, %1 (não abaixo do mínimo)</translation>
    </message>
    <message>
        <source>IO delay maximum, ms</source>
        <translation>Atraso de E/S máximo, ms</translation>
    </message>
    <message>
        <source>Fewest kernel iterations of CPU work per task, %1. Accepts 100k, 2.5M.</source>
        <translation>Menor número de iterações do kernel de trabalho de CPU por tarefa, %1. Aceita 100k, 2.5M.</translation>
    </message>
    <message>
        <source>CPU work minimum, iterations</source>
        <translation>Trabalho de CPU mínimo, iterações</translation>
    </message>
    <message>
        <source>Most kernel iterations of CPU work per task, %1 (not below the minimum). Accepts 500k, 2.5M.</source>
        <translation>Maior número de iterações do kernel de trabalho de CPU por tarefa, %1 (não abaixo do mínimo). Aceita 500k, 2.5M.</translation>
    </message>
    <message>
        <source>CPU work maximum, iterations</source>
        <translation>Trabalho de CPU máximo, iterações</translation>
    </message>
    <message>
        <source>IO delay shape parameters</source>
        <translation>Parâmetros da forma do atraso de E/S</translation>
    </message>
    <message>
        <source>CPU work shape parameters</source>
        <translation>Parâmetros da forma do trabalho de CPU</translation>
    </message>
    <message>
        <source>K: event loops (one thread each) for Run K loops and Compare, %1. Default: the %2 logical CPUs of this machine.</source>
        <translation>K: loops de eventos (uma thread cada) para Executar K loops e Comparar, %1. Padrão: as %2 CPUs lógicas desta máquina.</translation>
    </message>
    <message>
        <source>Shard count K</source>
        <translation>Número de shards K</translation>
    </message>
    <message>
        <source>Seed of the plan&apos;s random draws, %1 (decimal or 0x hex). The same seed gives the same plan on every machine.</source>
        <translation>Semente dos sorteios aleatórios do plano, %1 (decimal ou hexadecimal 0x). A mesma semente dá o mesmo plano em qualquer máquina.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <source>Pin shard k to lo&amp;gical CPU k</source>
        <translation>Fixar o shard k na CPU ló&amp;gica k</translation>
    </message>
    <message>
        <source>HTTP connections: per-task (one connection per request, like a crawler visiting many sites) or N, a keep-alive pool of N per shard that tasks queue for (%1)</source>
        <translation>Conexões HTTP: per-task (uma conexão por requisição, como um rastreador visitando muitos sites) ou N, um pool keep-alive de N por shard, pelo qual as tarefas esperam na fila (%1)</translation>
    </message>
    <message>
        <source>HTTP connections</source>
        <translation>Conexões HTTP</translation>
    </message>
    <message>
        <source>Bytes the server answers each request with, %1; every byte is folded into the checksum. Accepts 4096 or 4k.</source>
        <translation>Bytes com que o servidor responde a cada requisição, %1; cada byte entra na soma de verificação. Aceita 4096 ou 4k.</translation>
    </message>
    <message>
        <source>Response bytes</source>
        <translation>Bytes de resposta</translation>
    </message>
    <message>
        <source>Shard counts K that Sweep runs, all on the same plan: a list such as 1,2,3,4,8 (each %1), or “sweep” for 1, 2, 4, ... up to twice the %2 logical CPUs</source>
        <translation>Números de shards K que a Varredura executa, todos no mesmo plano: uma lista como 1,2,3,4,8 (cada um %1), ou “sweep” para 1, 2, 4, ... até o dobro das %2 CPUs lógicas</translation>
    </message>
    <message>
        <source>Shard counts</source>
        <translation>Números de shards</translation>
    </message>
    <message>
        <source>Warm-&amp;up run first (untimed)</source>
        <translation>Execução de a&amp;quecimento antes (sem medir)</translation>
    </message>
    <message>
        <source>Start from a stored workload (the built-in ones, then yours: Presets &gt; Save current as preset); editing any field makes it Custom</source>
        <translation>Comece de uma carga de trabalho salva (as incluídas, depois as suas: Predefinições &gt; Salvar atual como predefinição); editar qualquer campo a torna Personalizada</translation>
    </message>
    <message>
        <source>CPU kernel each task runs: sum is a dependent multiply/xor chain like the original loop; hash is FNV-1a over a byte stream</source>
        <translation>Kernel de CPU que cada tarefa executa: sum é uma cadeia dependente de multiplicação/xor como o loop original; hash é FNV-1a sobre um fluxo de bytes</translation>
    </message>
    <message>
        <source>How tasks are dealt to shards: contiguous batches (as the original experiment) or round-robin</source>
        <translation>Como as tarefas são distribuídas entre os shards: lotes contíguos (como no experimento original) ou round-robin</translation>
    </message>
    <message>
        <source>Pin shard thread k to logical CPU k mod CPUs (sched_setaffinity)</source>
        <translation>Fixar a thread do shard k na CPU lógica k mod CPUs (sched_setaffinity)</translation>
    </message>
    <message>
        <source>Pre&amp;set:</source>
        <translation>Pre&amp;definição:</translation>
    </message>
    <message>
        <source>&amp;Tasks:</source>
        <translation>&amp;Tarefas:</translation>
    </message>
    <message>
        <source>&amp;IO delay:</source>
        <translation>At&amp;raso de E/S:</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>&amp;CPU work:</source>
        <translation>Trabalho de &amp;CPU:</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>iterações</translation>
    </message>
    <message>
        <source>Ker&amp;nel:</source>
        <translation>Ker&amp;nel:</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>logical CPU</source>
        <translation>CPU lógica</translation>
    </message>
    <message>
        <source>Shards (&amp;K):</source>
        <translation>Shards (&amp;K):</translation>
    </message>
    <message>
        <source>Partiti&amp;on:</source>
        <translation>Part&amp;ição:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>&amp;Semente:</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>HTTP (loopback server)</source>
        <translation>HTTP (servidor local)</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>per-task or N</source>
        <translation>per-task ou N</translation>
    </message>
    <message>
        <source>How each task does its IO: a sleep on its shard&apos;s timer (the original experiment), or one HTTP GET over a real TCP socket to a loopbench --serve process this run starts, answered after the task&apos;s planned delay</source>
        <translation>Como cada tarefa faz sua E/S: uma espera no timer do seu shard (o experimento original), ou um HTTP GET por um socket TCP real até um processo loopbench --serve que esta execução inicia, respondido após o atraso planejado da tarefa</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transporte:</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Conexões:</translation>
    </message>
    <message>
        <source>Response &amp;bytes:</source>
        <translation>&amp;Bytes de resposta:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Experiment&lt;/b&gt; (Sweep F6, Repeat compare F7)</source>
        <translation>&lt;b&gt;Experimento&lt;/b&gt; (Varredura F6, Comparação repetida F7)</translation>
    </message>
    <message>
        <source>Shar&amp;d list:</source>
        <translation>&amp;Lista de shards:</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repetições</translation>
    </message>
    <message>
        <source>R: measured runs per configuration, %1, interleaved 1, K, 1, K, ... so machine drift hits every configuration alike. From 5 on the statistics give a Mann-Whitney p-value.</source>
        <translation>R: execuções medidas por configuração, %1, intercaladas 1, K, 1, K, ... para que as variações da máquina atinjam todas as configurações igualmente. A partir de 5, as estatísticas dão um valor-p de Mann-Whitney.</translation>
    </message>
    <message>
        <source>Repe&amp;ats (R):</source>
        <translation>Repeti&amp;ções (R):</translation>
    </message>
    <message>
        <source>One run of the first configuration before the measured ones, thrown away: it pays for page faults and CPU frequency ramp-up</source>
        <translation>Uma execução da primeira configuração antes das medidas, descartada: ela paga pelas faltas de página e pela subida da frequência da CPU</translation>
    </message>
    <message>
        <source>IO delay shape</source>
        <translation>Forma do atraso de E/S</translation>
    </message>
    <message>
        <source>CPU work shape</source>
        <translation>Forma do trabalho de CPU</translation>
    </message>
    <message>
        <source>Where inside the range the draws fall; the range stays the bounds (every draw is clamped to it). uniform: all values alike. lognormal: median M and 99th percentile P. pareto: a power-law tail through M and P, heavier past P. bimodal: a fraction F of heavy tasks in the top tenth of the range, the rest in the bottom tenth.</source>
        <translation>Onde, dentro do intervalo, caem os sorteios; o intervalo continua sendo o limite (todo sorteio é ajustado a ele). uniform: todos os valores igualmente. lognormal: mediana M e percentil 99 P. pareto: uma cauda de lei de potência passando por M e P, mais pesada após P. bimodal: uma fração F de tarefas pesadas no décimo superior do intervalo, o resto no décimo inferior.</translation>
    </message>
    <message>
        <source>lognormal and pareto: median=M, p99=P in %1 (min &lt;= M &lt; P &lt;= max); bimodal: heavy=F, a fraction from 0 to 1; uniform: nothing</source>
        <translation>lognormal e pareto: median=M, p99=P em %1 (mín &lt;= M &lt; P &lt;= máx); bimodal: heavy=F, uma fração de 0 a 1; uniform: nada</translation>
    </message>
    <message>
        <source>shaped</source>
        <translation>com forma</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (sua)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizada</translation>
    </message>
    <message>
        <source>Your own workload.</source>
        <translation>Sua própria carga de trabalho.</translation>
    </message>
    <message>
        <source>K = %1: %2</source>
        <translation>K = %1: %2</translation>
    </message>
    <message>
        <source>calibrating the kernel…</source>
        <translation>calibrando o kernel…</translation>
    </message>
    <message>
        <source>logical CPUs</source>
        <translation>CPUs lógicas</translation>
    </message>
    <message>
        <source>Runtime:</source>
        <translation>Runtime:</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python:</translation>
    </message>
    <message>
        <source>K Qt event loops, one per thread: LoopBench&apos;s own engine</source>
        <translation>K loops de eventos Qt, um por thread: o motor do próprio LoopBench</translation>
    </message>
    <message>
        <source>K worker processes with one event loop each: the article&apos;s design, in C++</source>
        <translation>K processos trabalhadores com um loop de eventos cada: o desenho do artigo, em C++</translation>
    </message>
    <message>
        <source>K threads sharing the work: a task whose IO is done runs its CPU part on any idle loop, as work-stealing runtimes do</source>
        <translation>K threads dividindo o trabalho: uma tarefa cujo IO terminou roda sua parte de CPU em qualquer loop ocioso, como fazem os runtimes com roubo de trabalho (work stealing)</translation>
    </message>
    <message>
        <source>CPython asyncio running the article&apos;s task body: one asyncio.run in one process for 1 loop, K processes for K</source>
        <translation>CPython asyncio rodando o corpo de tarefa do artigo: um asyncio.run em um processo para 1 loop, K processos para K</translation>
    </message>
    <message>
        <source>CPython asyncio as above, on uvloop&apos;s event loop</source>
        <translation>CPython asyncio como acima, no loop de eventos do uvloop</translation>
    </message>
    <message>
        <source>Check several to compare runtimes: every action then runs the same plan on each checked runtime, interleaved like repeats</source>
        <translation>Marque vários para comparar runtimes: cada ação então roda o mesmo plano em cada runtime marcado, intercalados como as repetições</translation>
    </message>
    <message>
        <source>Python interpreter</source>
        <translation>Interpretador Python</translation>
    </message>
    <message>
        <source>The interpreter of the asyncio runtimes: a path such as a venv&apos;s bin/python3. Empty: %1, Debian&apos;s, where python3-uvloop and python3-aiohttp install (a python3 earlier on PATH may lack them).</source>
        <translation>O interpretador dos runtimes asyncio: um caminho como o bin/python3 de um venv. Vazio: %1, o do Debian, onde python3-uvloop e python3-aiohttp se instalam (um python3 antes no PATH pode não tê-los).</translation>
    </message>
    <message>
        <source>Choose the Python interpreter</source>
        <translation>Escolher o interpretador Python</translation>
    </message>
    <message>
        <source>Checking whether it can run here…</source>
        <translation>Verificando se ele roda aqui…</translation>
    </message>
    <message>
        <source>%1: measuring the runtimes…</source>
        <translation>%1: medindo os runtimes…</translation>
    </message>
    <message>
        <source>%1: %2, about %3</source>
        <translation>%1: %2, cerca de %3</translation>
    </message>
    <message>
        <source>run</source>
        <translation>execução</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>execuções</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Varredura</translation>
    </message>
    <message>
        <source>Repeat compare</source>
        <translation>Comparação repetida</translation>
    </message>
    <message>
        <source>longest run: %1 at K = %2, about %3</source>
        <translation>execução mais longa: %1 com K = %2, cerca de %3</translation>
    </message>
</context>
<context>
    <name>ConfigSettings</name>
    <message>
        <source> (default used)</source>
        <translation> (usado o padrão)</translation>
    </message>
</context>
<context>
    <name>CoreLoadView</name>
    <message>
        <source>Per-core load (/proc/stat, 4 Hz, last 60 s)</source>
        <translation>Carga por núcleo (/proc/stat, 4 Hz, últimos 60 s)</translation>
    </message>
    <message>
        <source>time from the run&apos;s start</source>
        <translation>tempo desde o início da execução</translation>
    </message>
    <message>
        <source>time from the first run&apos;s start</source>
        <translation>tempo desde o início da primeira execução</translation>
    </message>
    <message>
        <source>time</source>
        <translation>tempo</translation>
    </message>
    <message>
        <source>Per-core load (/proc/stat, 4 Hz)</source>
        <translation>Carga por núcleo (/proc/stat, 4 Hz)</translation>
    </message>
    <message>
        <source>%1, each shaded as its loops</source>
        <translation>%1, cada uma sombreada conforme seus loops</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 execução</translation>
    </message>
    <message>
        <source>%L1 runs</source>
        <translation>%L1 execuções</translation>
    </message>
    <message>
        <source>no load samples stored for these runs (a JSON report carries none)</source>
        <translation>nenhuma amostra de carga armazenada para estas execuções (um relatório JSON não traz nenhuma)</translation>
    </message>
    <message>
        <source>cpu%1</source>
        <translation>cpu%1</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>média</translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation>Servidor HTTP</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Stop the chart scrolling to read it; load is still sampled, and shown when you resume</source>
        <translation>Para a rolagem do gráfico para lê-lo; a carga continua sendo amostrada e aparece quando você retomar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
</context>
<context>
    <name>Distribution</name>
    <message>
        <source>p99 %1 is not above median %2</source>
        <translation>p99 %1 não está acima da mediana %2</translation>
    </message>
    <message>
        <source>heavy %1 is outside 0 to 1</source>
        <translation>heavy %1 está fora de 0 a 1</translation>
    </message>
</context>
<context>
    <name>EfficiencyChart</name>
    <message>
        <source>T* / wall (median)</source>
        <translation>T* / tempo real (mediana)</translation>
    </message>
    <message>
        <source>speedup / K</source>
        <translation>aceleração / K</translation>
    </message>
    <message>
        <source>shard count K</source>
        <translation>número de shards K</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>efficiency (%)</source>
        <translation>eficiência (%)</translation>
    </message>
    <message>
        <source>%1: %2 %
K = %3 (median of its runs)</source>
        <translation>%1: %2 %
K = %3 (mediana das suas execuções)</translation>
    </message>
    <message>
        <source>Efficiency per K</source>
        <translation>Eficiência por K</translation>
    </message>
    <message>
        <source>Efficiency per K (%)</source>
        <translation>Eficiência por K (%)</translation>
    </message>
</context>
<context>
    <name>ExperimentStatsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>median wall of %1 / median wall of K = %2; ± one standard error, propagated from both medians</source>
        <translation>tempo real mediano de %1 / tempo real mediano de K = %2; ± um erro padrão, propagado das duas medianas</translation>
    </message>
    <message>
        <source>median %1 · mean %2 · sd %3 over %4</source>
        <translation>mediana %1 · média %2 · dp %3 em %4</translation>
    </message>
    <message>
        <source>completed run</source>
        <translation>execução concluída</translation>
    </message>
    <message>
        <source>the baseline itself</source>
        <translation>a própria referência</translation>
    </message>
    <message>
        <source>needs at least %1 completed runs on each side</source>
        <translation>precisa de pelo menos %1 execuções concluídas de cada lado</translation>
    </message>
    <message>
        <source>green: p below %1, a difference this large is unlikely to be noise</source>
        <translation>verde: p abaixo de %1, uma diferença deste tamanho dificilmente é ruído</translation>
    </message>
    <message>
        <source>p of %1 or more: the wall times of K = %2 and the baseline may differ by noise alone</source>
        <translation>p de %1 ou mais: os tempos reais de K = %2 e da referência podem diferir só por ruído</translation>
    </message>
    <message>
        <source>%1 cancelled or failed: listed in the history and runs.csv, left out of every statistic</source>
        <translation>%1 canceladas ou com falha: listadas no histórico e em runs.csv, fora de todas as estatísticas</translation>
    </message>
    <message>
        <source>run</source>
        <translation>execução</translation>
    </message>
    <message>
        <source>completed runs</source>
        <translation>execuções concluídas</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>execuções</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Execuções</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>Atípicos</translation>
    </message>
    <message>
        <source>Wall median</source>
        <translation>Tempo real mediano</translation>
    </message>
    <message>
        <source>sd</source>
        <translation>dp</translation>
    </message>
    <message>
        <source>CV</source>
        <translation>CV</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Mín.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Máx.</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>Aceleração</translation>
    </message>
    <message>
        <source>Ideal</source>
        <translation>Ideal</translation>
    </message>
    <message>
        <source>Amdahl</source>
        <translation>Amdahl</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Eficiência</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Trabalho</translation>
    </message>
    <message>
        <source>Lag p99</source>
        <translation>Atraso p99</translation>
    </message>
    <message>
        <source>p (M-W)</source>
        <translation>p (M-W)</translation>
    </message>
    <message>
        <source>Shard count: event loops, one thread each</source>
        <translation>Número de shards: loops de eventos, uma thread cada</translation>
    </message>
    <message>
        <source>Completed runs that enter the statistics (of all runs with this K)</source>
        <translation>Execuções concluídas que entram nas estatísticas (de todas as execuções com este K)</translation>
    </message>
    <message>
        <source>Completed runs whose wall time is a MAD outlier (modified z-score above 3.5)</source>
        <translation>Execuções concluídas cujo tempo real é um valor atípico (MAD) (z-score modificado acima de 3,5)</translation>
    </message>
    <message>
        <source>Median wall time (last task done minus t0)</source>
        <translation>Tempo real mediano (fim da última tarefa menos t0)</translation>
    </message>
    <message>
        <source>Sample standard deviation of the wall time</source>
        <translation>Desvio padrão amostral do tempo real</translation>
    </message>
    <message>
        <source>Coefficient of variation: sd / mean</source>
        <translation>Coeficiente de variação: dp / média</translation>
    </message>
    <message>
        <source>Fastest run</source>
        <translation>Execução mais rápida</translation>
    </message>
    <message>
        <source>Slowest run</source>
        <translation>Execução mais lenta</translation>
    </message>
    <message>
        <source>Baseline median wall / this median wall, ± propagated standard error</source>
        <translation>Tempo real mediano da referência / este tempo real mediano, ± erro padrão propagado</translation>
    </message>
    <message>
        <source>Speedup the release-time bound T* allows: baseline T* / this T*</source>
        <translation>Aceleração que o limite por tempo de liberação T* permite: T* da referência / este T*</translation>
    </message>
    <message>
        <source>The Amdahl fit evaluated at this K</source>
        <translation>O ajuste de Amdahl avaliado neste K</translation>
    </message>
    <message>
        <source>Median of T* / wall per run: 100 % means no schedule could have finished sooner</source>
        <translation>Mediana de T* / tempo real por execução: 100 % significa que nenhum escalonamento poderia ter terminado antes</translation>
    </message>
    <message>
        <source>Work inflation: this K&apos;s measured kernel time over the baseline&apos;s. Above 1x the same work itself grew when run side by side (shared caches, SMT, a lower all-core clock), which T* and efficiency do not show</source>
        <translation>Inflação do trabalho: o tempo de kernel medido deste K sobre o da referência. Acima de 1x, o mesmo trabalho cresceu ao rodar lado a lado (caches compartilhados, SMT, um clock menor com todos os núcleos), o que T* e a eficiência não mostram</translation>
    </message>
    <message>
        <source>Median over runs of each run&apos;s 99th percentile event-loop lag</source>
        <translation>Mediana, entre as execuções, do percentil 99 do atraso do loop de eventos de cada execução</translation>
    </message>
    <message>
        <source>Mann-Whitney U two-sided p-value of this K&apos;s wall times against the baseline&apos;s (needs at least 5 completed runs on each side); green below 0.05</source>
        <translation>Valor-p bilateral do teste U de Mann-Whitney dos tempos reais deste K contra os da referência (precisa de pelo menos 5 execuções concluídas de cada lado); verde abaixo de 0,05</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>%1 of %2 on K = %3, %4%5</source>
        <translation>%1 de %2 com K = %3, %4%5</translation>
    </message>
    <message>
        <source>run</source>
        <translation>execução</translation>
    </message>
    <message>
        <source>task</source>
        <translation>tarefa</translation>
    </message>
    <message>
        <source> (#%1)</source>
        <translation> (nº %1)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>experimento</translation>
    </message>
    <message>
        <source>Per-task timings were not kept for these runs: tasks.csv lists the plan (io, iterations, due) without resumed and done times. Run &gt; Keep per-task timings keeps them for the next runs.</source>
        <translation>Os tempos por tarefa não foram guardados para estas execuções: tasks.csv lista o plano (io, iterações, prazo) sem os tempos de retomada e de conclusão. Executar &gt; Guardar tempos por tarefa os guarda para as próximas execuções.</translation>
    </message>
    <message>
        <source>Per-task timings are kept only for runs recorded with Run &gt; Keep per-task timings on (it is off): for other runs tasks.csv lists the plan without resumed and done times.</source>
        <translation>Os tempos por tarefa só são guardados para execuções gravadas com Executar &gt; Guardar tempos por tarefa ligado (está desligado): para as outras, tasks.csv lista o plano sem os tempos de retomada e de conclusão.</translation>
    </message>
    <message>
        <source>Per-task timings were not kept for %1 (%2): their tasks.csv lists the plan without resumed and done times.</source>
        <translation>Os tempos por tarefa não foram guardados para %1 (%2): o tasks.csv deles lista o plano sem os tempos de retomada e de conclusão.</translation>
    </message>
    <message>
        <source>experiment #%1 could not be read from the history%2</source>
        <translation>o experimento nº %1 não pôde ser lido do histórico%2</translation>
    </message>
    <message>
        <source>the window closed</source>
        <translation>a janela foi fechada</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Falha na exportação</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing more was written.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;%2</source>
        <translation>&lt;p&gt;Nada mais foi gravado.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;%2</translation>
    </message>
    <message>
        <source>&lt;p&gt;Written before the failure: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gravado antes da falha: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Exported to %1: %2</source>
        <translation>Exportado para %1: %2</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exportação concluída</translation>
    </message>
    <message>
        <source>%1 written to %2.%3</source>
        <translation>Gravado em %2: %1.%3</translation>
    </message>
    <message>
        <source>file</source>
        <translation>arquivo</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Abrir pasta</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>execuções</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tarefas</translation>
    </message>
    <message>
        <source>experiments</source>
        <translation>experimentos</translation>
    </message>
    <message>
        <source>files</source>
        <translation>arquivos</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;CSV: runs.csv, summary.csv, load.csv, meta.json</source>
        <translation>&amp;CSV: runs.csv, summary.csv, load.csv, meta.json</translation>
    </message>
    <message>
        <source>also &amp;tasks.csv (one row per task of the last run)</source>
        <translation>também &amp;tasks.csv (uma linha por tarefa da última execução)</translation>
    </message>
    <message>
        <source>&amp;JSON: report.json (everything, with schema version)</source>
        <translation>&amp;JSON: report.json (tudo, com versão do esquema)</translation>
    </message>
    <message>
        <source>&amp;Markdown: summary.md</source>
        <translation>&amp;Markdown: summary.md</translation>
    </message>
    <message>
        <source>&amp;PNG of every chart</source>
        <translation>&amp;PNG de cada gráfico</translation>
    </message>
    <message>
        <source>&amp;SVG of every chart</source>
        <translation>&amp;SVG de cada gráfico</translation>
    </message>
    <message>
        <source>Export reports and charts</source>
        <translation>Exportar relatórios e gráficos</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Procurar…</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>Exportar para</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>&amp;Directory:</source>
        <translation>&amp;Diretório:</translation>
    </message>
    <message>
        <source>Reports:</source>
        <translation>Relatórios:</translation>
    </message>
    <message>
        <source>Charts:</source>
        <translation>Gráficos:</translation>
    </message>
    <message>
        <source>PNG si&amp;ze:</source>
        <translation>&amp;Tamanho do PNG:</translation>
    </message>
    <message>
        <source>Each experiment gets %1, drawn from its own runs at this size.</source>
        <translation>Cada experimento recebe %1, desenhados a partir das suas próprias execuções neste tamanho.</translation>
    </message>
    <message>
        <source>Runs to export</source>
        <translation>Execuções a exportar</translation>
    </message>
    <message>
        <source>The &amp;experiment on the statistics page</source>
        <translation>O &amp;experimento da página de estatísticas</translation>
    </message>
    <message>
        <source>The runs selected in the &amp;history</source>
        <translation>As execuções selecionadas no &amp;histórico</translation>
    </message>
    <message>
        <source>The &amp;whole history</source>
        <translation>O histórico &amp;inteiro</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (none)</source>
        <translation>%1 (nenhuma)</translation>
    </message>
    <message>
        <source>Nothing has run yet: there is nothing to export.</source>
        <translation>Nada foi executado ainda: não há o que exportar.</translation>
    </message>
    <message>
        <source>Several experiments go into a folder each (experiment-12-sweep/runs.csv, …).</source>
        <translation>Vários experimentos vão cada um para uma pasta (experiment-12-sweep/runs.csv, …).</translation>
    </message>
    <message>
        <source>Choose a directory.</source>
        <translation>Escolha um diretório.</translation>
    </message>
    <message>
        <source>Existing files of the same names in %1 are replaced, each one whole or not at all.</source>
        <translation>Arquivos existentes com os mesmos nomes em %1 são substituídos, cada um inteiro ou nada.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>LoopBench guide</source>
        <translation>Guia do LoopBench</translation>
    </message>
    <message>
        <source>&lt;h2&gt;What LoopBench shows&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;O que o LoopBench mostra&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Many tasks each wait for simulated IO, then do some CPU work on the “response”. LoopBench runs the &lt;b&gt;same plan&lt;/b&gt; (same seed, same IO delays, same work per task) on &lt;b&gt;one event loop&lt;/b&gt; and on &lt;b&gt;K event loops&lt;/b&gt;, one thread each, and measures how much sooner the last task is done.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Muitas tarefas esperam cada uma por uma E/S simulada e depois fazem algum trabalho de CPU sobre a “resposta”. O LoopBench executa o &lt;b&gt;mesmo plano&lt;/b&gt; (mesma semente, mesmos atrasos de E/S, mesmo trabalho por tarefa) em &lt;b&gt;um loop de eventos&lt;/b&gt; e em &lt;b&gt;K loops de eventos&lt;/b&gt;, uma thread cada, e mede quanto antes a última tarefa termina.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;On one loop the CPU parts queue up behind each other on one core while the other cores idle. With K loops the CPU parts of different tasks run at the same time on different cores, so the wall time shrinks until the cores, not the loops, are the limit.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Em um loop, as partes de CPU fazem fila umas atrás das outras em um núcleo enquanto os outros núcleos ficam ociosos. Com K loops, as partes de CPU de tarefas diferentes rodam ao mesmo tempo em núcleos diferentes, e o tempo real diminui até que os núcleos, e não os loops, sejam o limite.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The numbers&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Os números&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;dt&gt;&lt;b&gt;Wall&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;From the start (t0) until the last task is done.&lt;/dd&gt;</source>
        <translation>&lt;dt&gt;&lt;b&gt;Tempo real&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;Do início (t0) até a última tarefa terminar.&lt;/dd&gt;</translation>
    </message>
    <message>
        <source>&lt;dt&gt;&lt;b&gt;Speedup&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;Wall time of the baseline (1 loop) divided by this run&apos;s: 2.0× means half the time.&lt;/dd&gt;</source>
        <translation>&lt;dt&gt;&lt;b&gt;Aceleração&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;O tempo real da referência (1 loop) dividido pelo desta execução: 2,0× significa metade do tempo.&lt;/dd&gt;</translation>
    </message>
    <message>
        <source>&lt;dt&gt;&lt;b&gt;T* (ideal bound)&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;The shortest wall time any schedule on min(K, CPUs) cores could reach with this run&apos;s &lt;i&gt;measured&lt;/i&gt; work: each task&apos;s CPU part may start only once its IO is over, and no core does two things at once. A run cannot beat it.&lt;/dd&gt;</source>
        <translation>&lt;dt&gt;&lt;b&gt;T* (limite ideal)&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;O menor tempo real que qualquer escalonamento em min(K, CPUs) núcleos poderia alcançar com o trabalho &lt;i&gt;medido&lt;/i&gt; desta execução: a parte de CPU de cada tarefa só pode começar quando sua E/S terminou, e nenhum núcleo faz duas coisas ao mesmo tempo. Uma execução não pode superá-lo.&lt;/dd&gt;</translation>
    </message>
    <message>
        <source>&lt;dt&gt;&lt;b&gt;Efficiency&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;T* / wall. 100 % means no schedule on these cores could have finished sooner; the rest is time lost to queueing, threads and the machine.&lt;/dd&gt;</source>
        <translation>&lt;dt&gt;&lt;b&gt;Eficiência&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;T* / tempo real. 100 % significa que nenhum escalonamento nestes núcleos poderia ter terminado antes; o resto é tempo perdido com filas, threads e a máquina.&lt;/dd&gt;</translation>
    </message>
    <message>
        <source>&lt;dt&gt;&lt;b&gt;Lag&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;How late a task resumed after its IO was due (resumed minus due). On one busy loop the lag climbs, since a due task waits for the CPU work ahead of it; with enough loops it stays near zero.&lt;/dd&gt;</source>
        <translation>&lt;dt&gt;&lt;b&gt;Atraso&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;Quanto depois do fim previsto da sua E/S uma tarefa foi retomada (retomada menos prazo). Em um loop ocupado o atraso sobe, pois uma tarefa pronta espera o trabalho de CPU à sua frente; com loops suficientes ele fica perto de zero.&lt;/dd&gt;</translation>
    </message>
    <message>
        <source>&lt;dt&gt;&lt;b&gt;Work inflation&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;How much the CPU work itself grew against the one-loop run: the same kernels take longer when K threads share caches, memory bandwidth and turbo clocks, or when K exceeds the cores. T* uses the measured work, so inflation shows as a longer T*, not as lost efficiency.&lt;/dd&gt;</source>
        <translation>&lt;dt&gt;&lt;b&gt;Inflação do trabalho&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;Quanto o próprio trabalho de CPU cresceu em relação à execução em um loop: os mesmos kernels demoram mais quando K threads dividem caches, largura de banda de memória e clocks turbo, ou quando K passa do número de núcleos. T* usa o trabalho medido, então a inflação aparece como um T* maior, não como eficiência perdida.&lt;/dd&gt;</translation>
    </message>
    <message>
        <source>&lt;dt&gt;&lt;b&gt;GUI stall&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;How late a 10 ms timer on the window&apos;s thread fired during the run: how responsive the window stayed (target p99 at most 16 ms).&lt;/dd&gt;</source>
        <translation>&lt;dt&gt;&lt;b&gt;Travamento da GUI&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;Com quanto atraso um timer de 10 ms na thread da janela disparou durante a execução: o quanto a janela continuou responsiva (meta: p99 de no máximo 16 ms).&lt;/dd&gt;</translation>
    </message>
    <message>
        <source>&lt;dt&gt;&lt;b&gt;p (M-W)&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;Mann-Whitney p-value of a K&apos;s wall times against the baseline&apos;s, from 5 runs on each side. Green: below 0.05, the difference is unlikely to be noise.&lt;/dd&gt;</source>
        <translation>&lt;dt&gt;&lt;b&gt;p (M-W)&lt;/b&gt;&lt;/dt&gt;&lt;dd&gt;Valor-p de Mann-Whitney dos tempos reais de um K contra os da referência, a partir de 5 execuções de cada lado. Verde: abaixo de 0,05, é improvável que a diferença seja ruído.&lt;/dd&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Reading the charts&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Lendo os gráficos&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;Per-core load&lt;/b&gt; (Live page, top left): one line per logical CPU and their mean over the last 60 s; shaded spans are runs. One loop keeps about one core busy; K loops raise them all. The heat strip below shows the same per core, darker = busier.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;Carga por núcleo&lt;/b&gt; (página Ao vivo, em cima à esquerda): uma linha por CPU lógica e sua média nos últimos 60 s; as faixas sombreadas são execuções. Um loop mantém cerca de um núcleo ocupado; K loops elevam todos. A faixa de calor abaixo mostra o mesmo por núcleo, mais escuro = mais ocupado.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;Shard threads&lt;/b&gt; (top right): during a run, each loop&apos;s CPU share (bars) and the worst lag it saw (points). One loop: one full bar and a climbing lag.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;Threads dos shards&lt;/b&gt; (em cima à direita): durante uma execução, a parcela de CPU de cada loop (barras) e o pior atraso que ele teve (pontos). Um loop: uma barra cheia e um atraso subindo.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;One loop against K loops&lt;/b&gt; (bottom left): the wall time of each run with its T* beside it; the speedup is in the title. Select two rows of the history to compare any two runs.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;Um loop contra K loops&lt;/b&gt; (embaixo à esquerda): o tempo real de cada execução com seu T* ao lado; a aceleração está no título. Selecione duas linhas do histórico para comparar duas execuções quaisquer.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;Speedup against K&lt;/b&gt; (Sweep page): the median speedup per K with a min–max whisker over the repeats, the ideal line T* allows and the Amdahl fit. Where the measured points leave the ideal line, something other than the cores limits the run.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;Aceleração em função de K&lt;/b&gt; (página Varredura): a aceleração mediana por K com uma barra de mínimo–máximo sobre as repetições, a linha ideal que T* permite e o ajuste de Amdahl. Onde os pontos medidos se afastam da linha ideal, algo além dos núcleos limita a execução.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;Efficiency per K&lt;/b&gt;: T* / wall and speedup / K for every K. The second falls once K exceeds the cores; the first should not.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;Eficiência por K&lt;/b&gt;: T* / tempo real e aceleração / K para cada K. A segunda cai quando K passa do número de núcleos; a primeira não deveria.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Getting numbers you can trust&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Obtendo números confiáveis&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Use &lt;b&gt;Repeat compare&lt;/b&gt; (F7) or &lt;b&gt;Sweep&lt;/b&gt; (F6) with R ≥ 5: runs are interleaved (1, K, 1, K, …) so drift of the machine hits every configuration alike, and the statistics give a spread and a p-value. A run marked “machine busy” shared the CPUs with other programs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Use &lt;b&gt;Comparação repetida&lt;/b&gt; (F7) ou &lt;b&gt;Varredura&lt;/b&gt; (F6) com R ≥ 5: as execuções são intercaladas (1, K, 1, K, …), de modo que a deriva da máquina atinge todas as configurações por igual, e as estatísticas dão uma dispersão e um valor-p. Uma execução marcada como “máquina ocupada” dividiu as CPUs com outros programas.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The same 6 tasks: IO wait (light), then CPU work (dark) on the task&apos;s loop</source>
        <translation>As mesmas 6 tarefas: espera de E/S (claro), depois CPU (escuro) no loop da tarefa</translation>
    </message>
    <message>
        <source>1 loop</source>
        <translation>1 loop</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>tempo real</translation>
    </message>
    <message>
        <source>CPU parts wait for each other: one core busy, the other idle</source>
        <translation>As partes de CPU esperam umas pelas outras: um núcleo ocupado, o outro ocioso</translation>
    </message>
    <message>
        <source>K = 2 loops</source>
        <translation>K = 2 loops</translation>
    </message>
    <message>
        <source>loop 1</source>
        <translation>loop 1</translation>
    </message>
    <message>
        <source>loop 2</source>
        <translation>loop 2</translation>
    </message>
    <message>
        <source>speedup = wall(1 loop) / wall(K loops) · efficiency = T* / wall</source>
        <translation>aceleração = tempo real(1 loop) / tempo real(K loops) · eficiência = T* / tempo real</translation>
    </message>
    <message>
        <source>time →</source>
        <translation>tempo →</translation>
    </message>
</context>
<context>
    <name>HeatStrip</name>
    <message>
        <source>Per-core load, one row per logical CPU (cpu0 at the top), last 60 s; redder is busier</source>
        <translation>Carga por núcleo, uma linha por CPU lógica (cpu0 no topo), últimos 60 s; mais vermelho é mais ocupado</translation>
    </message>
    <message>
        <source>cpu%1</source>
        <translation>cpu%1</translation>
    </message>
    <message>
        <source>cpu%1 at %2 s: %3 % busy</source>
        <translation>cpu%1 em %2 s: %3 % ocupada</translation>
    </message>
    <message>
        <source>%L1 %</source>
        <translation>%L1 %</translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>History is not saved: %1</source>
        <translation>O histórico não é salvo: %1</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Histórico: %1</translation>
    </message>
    <message>
        <source>History not cleared: %1</source>
        <translation>Histórico não apagado: %1</translation>
    </message>
    <message>
        <source>the history is off (%1)</source>
        <translation>o histórico está desligado (%1)</translation>
    </message>
    <message>
        <source>Run #%1 not deleted: %2</source>
        <translation>Execução nº %1 não apagada: %2</translation>
    </message>
    <message>
        <source>Experiment #%1 not deleted: %2</source>
        <translation>Experimento nº %1 não apagado: %2</translation>
    </message>
    <message>
        <source>an experiment is running; delete when it has ended</source>
        <translation>um experimento está em andamento; apague quando ele terminar</translation>
    </message>
    <message>
        <source>experiment #%1 is not in the history</source>
        <translation>o experimento nº %1 não está no histórico</translation>
    </message>
    <message>
        <source>run #%1 is not in the history</source>
        <translation>a execução nº %1 não está no histórico</translation>
    </message>
    <message>
        <source>Configuration not loaded: %1</source>
        <translation>Configuração não carregada: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Exp.</source>
        <translation>Exp.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tarefas</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>Tempo real</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>Aceleração</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Eficiência</translation>
    </message>
    <message>
        <source>Lag p99</source>
        <translation>Atraso p99</translation>
    </message>
    <message>
        <source>GUI stall p99</source>
        <translation>Travamento da GUI p99</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>Formas</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Máquina</translation>
    </message>
    <message>
        <source>The experiment the run belongs to (its runs share a shade); selecting a run shows its experiment on the Sweep page</source>
        <translation>O experimento ao qual a execução pertence (suas execuções compartilham um tom); selecionar uma execução mostra seu experimento na página Varredura</translation>
    </message>
    <message>
        <source>Shard count K: event loops, one thread each</source>
        <translation>Número de shards K: loops de eventos, uma thread cada</translation>
    </message>
    <message>
        <source>Last task done minus start (t0)</source>
        <translation>Conclusão da última tarefa menos o início (t0)</translation>
    </message>
    <message>
        <source>Median wall time of the experiment&apos;s baseline (1 loop when it ran) divided by this run&apos;s; shown once the experiment has ended</source>
        <translation>Tempo real mediano da referência do experimento (1 loop, quando executado) dividido pelo desta execução; mostrado quando o experimento termina</translation>
    </message>
    <message>
        <source>Ideal bound / wall time: 100 % means no schedule on these cores could have finished sooner</source>
        <translation>Limite ideal / tempo real: 100 % significa que nenhum escalonamento nestes núcleos poderia ter terminado antes</translation>
    </message>
    <message>
        <source>Event-loop lag (resumed minus due), 99th percentile</source>
        <translation>Atraso do loop de eventos (retomada menos prazo), percentil 99</translation>
    </message>
    <message>
        <source>Lateness of the GUI thread&apos;s heartbeat timer during the run, 99th percentile</source>
        <translation>Atraso do timer de pulsação da thread da GUI durante a execução, percentil 99</translation>
    </message>
    <message>
        <source>How each task did its IO: a timer sleep, or an HTTP request</source>
        <translation>Como cada tarefa fez sua E/S: uma espera no timer ou uma requisição HTTP</translation>
    </message>
    <message>
        <source>Where the IO delays and CPU work fall inside their ranges</source>
        <translation>Onde os atrasos de E/S e o trabalho de CPU caem dentro dos seus intervalos</translation>
    </message>
    <message>
        <source>
top programs: %1</source>
        <translation>
programas que mais usaram CPU: %1</translation>
    </message>
    <message>
        <source>%1 connections</source>
        <translation>%1 conexões</translation>
    </message>
    <message>
        <source>timer: each task sleeps on its shard&apos;s timer queue</source>
        <translation>timer: cada tarefa espera na fila de timers do seu shard</translation>
    </message>
    <message>
        <source>http: connections %1 · %2-byte responses · %3 · timeout %4 ms</source>
        <translation>http: conexões %1 · respostas de %2 bytes · %3 · tempo limite %4 ms</translation>
    </message>
    <message>
        <source>own server, %1 loop(s)</source>
        <translation>servidor próprio, %1 loop(s)</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>servidor %1</translation>
    </message>
    <message>
        <source> · outlier</source>
        <translation> · atípica</translation>
    </message>
    <message>
        <source>failed: %1
not in the statistics</source>
        <translation>falhou: %1
fora das estatísticas</translation>
    </message>
    <message>
        <source>%1: not in the statistics</source>
        <translation>%1: fora das estatísticas</translation>
    </message>
    <message>
        <source>warm-up: untimed, not in the statistics</source>
        <translation>aquecimento: sem medição, fora das estatísticas</translation>
    </message>
    <message>
        <source>wall time is a MAD outlier among the runs with K = %1 (modified z-score above 3.5); it stays in the statistics, flagged</source>
        <translation>o tempo real é um valor atípico (MAD) entre as execuções com K = %1 (z-score modificado acima de 3,5); continua nas estatísticas, marcado</translation>
    </message>
    <message>
        <source>%1 of %2 tasks done · checksum %3%4</source>
        <translation>%1 de %2 tarefas concluídas · soma de verificação %3%4</translation>
    </message>
    <message>
        <source>wall %1 · ideal bound %2 · %3 tasks/s</source>
        <translation>tempo real %1 · limite ideal %2 · %3 tarefas/s</translation>
    </message>
    <message>
        <source>no wall time: %1</source>
        <translation>sem tempo real: %1</translation>
    </message>
    <message>
        <source>event-loop lag p50 %1 · p90 %2 · p99 %3 · max %4</source>
        <translation>atraso do loop de eventos p50 %1 · p90 %2 · p99 %3 · máx. %4</translation>
    </message>
    <message>
        <source> · busy</source>
        <translation> · ocupada</translation>
    </message>
    <message>
        <source> · protective</source>
        <translation> · protetor</translation>
    </message>
    <message>
        <source>run %1 of its configuration in an experiment (Sweep or Repeat compare)</source>
        <translation>execução %1 da sua configuração em um experimento (Varredura ou Comparação repetida)</translation>
    </message>
    <message>
        <source>T*, the ideal bound: no schedule of this run&apos;s measured work on %1 could finish before it</source>
        <translation>T*, o limite ideal: nenhum escalonamento do trabalho medido desta execução em %1 poderia terminar antes dele</translation>
    </message>
    <message>
        <source>Checksum of every kernel result: equal for every K and runtime on one plan</source>
        <translation>Soma de verificação de todos os resultados do kernel: igual para todo K e todo runtime em um mesmo plano</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Runtime</translation>
    </message>
    <message>
        <source>T*</source>
        <translation>T*</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Soma de verificação</translation>
    </message>
    <message>
        <source>What ran the loops: threads, processes, stealing or asyncio</source>
        <translation>O que executou os loops: threads, processes, stealing ou asyncio</translation>
    </message>
    <message>
        <source>T*, the ideal bound: the shortest wall time any schedule of the run&apos;s measured work on its cores could reach</source>
        <translation>T*, o limite ideal: o menor tempo real que qualquer escalonamento do trabalho medido da execução nos seus núcleos poderia alcançar</translation>
    </message>
    <message>
        <source>Checksum of every kernel result: one plan has one checksum, whatever ran it</source>
        <translation>Soma de verificação de todos os resultados do kernel: um plano tem uma só soma de verificação, seja o que for que o executou</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copiar linhas</translation>
    </message>
    <message>
        <source>Histor&amp;y (select two rows to compare)</source>
        <translation>&amp;Histórico (selecione duas linhas para comparar)</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Restaurar colunas</translation>
    </message>
    <message>
        <source>Show &amp;timeline</source>
        <translation>Mostrar linha do &amp;tempo</translation>
    </message>
    <message>
        <source>Every run, grouped by experiment. Click a header to sort by it. Select one row to show its experiment on the Sweep page, two rows (Ctrl+click) to compare them in the chart; Ctrl+C copies the selected rows. Right-click a row to load its configuration, run it again or delete it; right-click the header to hide columns.</source>
        <translation>Todas as execuções, agrupadas por experimento. Clique em um cabeçalho para ordenar por ele. Selecione uma linha para mostrar seu experimento na página Varredura, duas linhas (Ctrl+clique) para compará-las no gráfico; Ctrl+C copia as linhas selecionadas. Clique com o botão direito em uma linha para carregar sua configuração, executá-la de novo ou apagá-la; clique com o botão direito no cabeçalho para ocultar colunas.</translation>
    </message>
    <message>
        <source>Filter runs…</source>
        <translation>Filtrar execuções…</translation>
    </message>
    <message>
        <source>Shows the runs with every word somewhere in their row (&quot;lognormal 4 loops&quot;, a machine, a date)</source>
        <translation>Mostra as execuções que têm cada palavra em algum lugar da linha (&quot;lognormal 4 loops&quot;, uma máquina, uma data)</translation>
    </message>
    <message>
        <source>Only the runs of one experiment</source>
        <translation>Só as execuções de um experimento</translation>
    </message>
    <message>
        <source>Only the runs of one runtime</source>
        <translation>Só as execuções de um runtime</translation>
    </message>
    <message>
        <source>Only the runs of one transport</source>
        <translation>Só as execuções de um transporte</translation>
    </message>
    <message>
        <source>Only the runs of one machine</source>
        <translation>Só as execuções de uma máquina</translation>
    </message>
    <message>
        <source>Only the runs during which other programs took the machine, or only the others</source>
        <translation>Só as execuções durante as quais outros programas ocuparam a máquina, ou só as outras</translation>
    </message>
    <message>
        <source>busy or not</source>
        <translation>ocupada ou não</translation>
    </message>
    <message>
        <source>machine busy</source>
        <translation>máquina ocupada</translation>
    </message>
    <message>
        <source>machine quiet</source>
        <translation>máquina livre</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar tudo</translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation>Limpar todos os filtros</translation>
    </message>
    <message>
        <source>every experiment</source>
        <translation>todos os experimentos</translation>
    </message>
    <message>
        <source>experiment #%1</source>
        <translation>experimento nº %1</translation>
    </message>
    <message>
        <source>every runtime</source>
        <translation>todos os runtimes</translation>
    </message>
    <message>
        <source>every transport</source>
        <translation>todos os transportes</translation>
    </message>
    <message>
        <source>every machine</source>
        <translation>todas as máquinas</translation>
    </message>
    <message>
        <source>&amp;Load run #%1&apos;s configuration into the form</source>
        <translation>Car&amp;regar a configuração da execução nº %1 no formulário</translation>
    </message>
    <message>
        <source>&amp;Load this run&apos;s configuration into the form</source>
        <translation>Car&amp;regar a configuração desta execução no formulário</translation>
    </message>
    <message>
        <source>Load e&amp;xperiment #%1&apos;s configuration into the form</source>
        <translation>Carregar a configuração do e&amp;xperimento nº %1 no formulário</translation>
    </message>
    <message>
        <source>Load its e&amp;xperiment&apos;s configuration into the form</source>
        <translation>Carregar a configuração do seu e&amp;xperimento no formulário</translation>
    </message>
    <message>
        <source>&amp;Run #%1 again</source>
        <translation>&amp;Executar a execução nº %1 de novo</translation>
    </message>
    <message>
        <source>&amp;Run this run again</source>
        <translation>&amp;Executar esta execução de novo</translation>
    </message>
    <message>
        <source>Run experi&amp;ment #%1 again</source>
        <translation>Executar o experi&amp;mento nº %1 de novo</translation>
    </message>
    <message>
        <source>Run its experi&amp;ment again</source>
        <translation>Executar o seu experi&amp;mento de novo</translation>
    </message>
    <message>
        <source>&amp;Delete run #%1…</source>
        <translation>&amp;Apagar a execução nº %1…</translation>
    </message>
    <message>
        <source>&amp;Delete this run…</source>
        <translation>&amp;Apagar esta execução…</translation>
    </message>
    <message>
        <source>Delete ex&amp;periment #%1…</source>
        <translation>A&amp;pagar o experimento nº %1…</translation>
    </message>
    <message>
        <source>Delete its ex&amp;periment…</source>
        <translation>A&amp;pagar o seu experimento…</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>%1: already in the history%2, nothing added</source>
        <translation>%1: já está no histórico%2, nada adicionado</translation>
    </message>
    <message>
        <source> (experiment #%1)</source>
        <translation> (experimento nº %1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Open LoopBench reports</source>
        <translation>Abrir relatórios do LoopBench</translation>
    </message>
    <message>
        <source>LoopBench reports (*.json);;All files (*)</source>
        <translation>Relatórios do LoopBench (*.json);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Open reports</source>
        <translation>Abrir relatórios</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not opened:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Não abertos:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Added %1 to the history</source>
        <translation>Adicionado ao histórico: %1</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>experimento</translation>
    </message>
    <message>
        <source>experiments</source>
        <translation>experimentos</translation>
    </message>
    <message>
        <source>Added %L1; not opened: %2</source>
        <translation>Adicionados: %L1; não abertos: %2</translation>
    </message>
</context>
<context>
    <name>LaunchController</name>
    <message>
        <source>Fix the highlighted fields to run</source>
        <translation>Corrija os campos destacados para executar</translation>
    </message>
    <message>
        <source>Sweep needs a valid shard list; Run and Compare are ready</source>
        <translation>A Varredura precisa de uma lista de shards válida; Executar e Comparar estão prontos</translation>
    </message>
    <message>
        <source>Calibrating the kernel…</source>
        <translation>Calibrando o kernel…</translation>
    </message>
    <message>
        <source>Ready: Compare (F5) runs one plan on 1 loop, then on %1</source>
        <translation>Pronto: Comparar (F5) executa um plano em 1 loop e depois em %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Kernel calibration on this machine, taken %1. It estimates a run before it starts; each run&apos;s bound comes from its own measured work. Run &gt; Recalibrate measures again.</source>
        <translation>Calibração do kernel nesta máquina, feita em %1. Ela estima uma execução antes de começar; o limite de cada execução vem do seu próprio trabalho medido. Executar &gt; Recalibrar mede de novo.</translation>
    </message>
    <message>
        <source>Checking whether the chosen runtimes can run here…</source>
        <translation>Verificando se os runtimes escolhidos rodam aqui…</translation>
    </message>
    <message>
        <source>Ready: Compare (F5) runs one plan on 1 loop, then on %1, on each of %2</source>
        <translation>Pronto: Comparar (F5) roda um plano em 1 loop, depois em %1, em cada um de: %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <source>%1, %2 kernel: %L3 ns/iteration, %L4 ms to start a worker</source>
        <translation>%1, kernel %2: %L3 ns/iteração, %L4 ms para iniciar um trabalhador</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>a single run is selected: select two to compare</source>
        <translation>uma só execução está selecionada: selecione duas para comparar</translation>
    </message>
    <message>
        <source>the selected runs did not both complete</source>
        <translation>as execuções selecionadas não foram ambas concluídas</translation>
    </message>
    <message>
        <source>Only completed runs can be compared</source>
        <translation>Só execuções concluídas podem ser comparadas</translation>
    </message>
    <message>
        <source>That run is not in the history&apos;s list (filtered out or deleted)</source>
        <translation>Essa execução não está na lista do histórico (filtrada ou apagada)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>One event loop vs K event loops</source>
        <translation>Um loop de eventos vs K loops de eventos</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>A&amp;o vivo</translation>
    </message>
    <message>
        <source>S&amp;weep &amp;&amp; statistics</source>
        <translation>&amp;Varredura e estatísticas</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <source>calibrating…</source>
        <translation>calibrando…</translation>
    </message>
    <message>
        <source>a %1 ran since</source>
        <translation>um experimento %1 rodou depois</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Apagar histórico</translation>
    </message>
    <message>
        <source>Delete all %1 from the saved history? This cannot be undone.</source>
        <translation>Excluir todas as %1 do histórico salvo? Isto não pode ser desfeito.</translation>
    </message>
    <message>
        <source>run</source>
        <translation>execução</translation>
    </message>
    <message>
        <source>Saved settings were damaged and replaced by defaults: %1</source>
        <translation>As configurações salvas estavam danificadas e foram substituídas pelos padrões: %1</translation>
    </message>
    <message>
        <source>Presets not loaded: %1</source>
        <translation>Predefinições não carregadas: %1</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>execuções</translation>
    </message>
    <message>
        <source>Selected &amp;run</source>
        <translation>&amp;Execução selecionada</translation>
    </message>
    <message>
        <source>its runs were deleted</source>
        <translation>suas execuções foram apagadas</translation>
    </message>
    <message>
        <source>Delete experiment #%1 and its %2 from the saved history? This cannot be undone.</source>
        <translation>Apagar do histórico salvo o experimento nº %1 e suas %2? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Delete run #%1 (%2, %3, %4) from the saved history? This cannot be undone.%5</source>
        <translation>Apagar do histórico salvo a execução nº %1 (%2, %3, %4)? Isso não pode ser desfeito.%5</translation>
    </message>
    <message>
        <source>
The speedups and outliers of experiment #%1 are then derived from its other runs.</source>
        <translation>
As acelerações e os valores atípicos do experimento nº %1 passam então a vir das suas outras execuções.</translation>
    </message>
    <message>
        <source>
It is the last run of experiment #%1, which goes with it.</source>
        <translation>
É a última execução do experimento nº %1, que é apagado junto.</translation>
    </message>
    <message>
        <source>Delete experiment</source>
        <translation>Apagar experimento</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Apagar execução</translation>
    </message>
    <message>
        <source>experiment #%1</source>
        <translation>experimento nº %1</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>execução nº %1</translation>
    </message>
    <message>
        <source>runtimes</source>
        <translation>runtimes</translation>
    </message>
    <message>
        <source>failing task</source>
        <translation>tarefa que falha</translation>
    </message>
    <message>
        <source>The form cannot hold every setting of %1: %2 kept as stored only for Run again</source>
        <translation>O formulário não comporta todos os ajustes de %1: %2 mantidos como salvos só para Executar de novo</translation>
    </message>
    <message>
        <source>Loaded the configuration of %1 into the form</source>
        <translation>Configuração de %1 carregada no formulário</translation>
    </message>
    <message>
        <source>%1 not started: a run is in flight</source>
        <translation>Não é possível iniciar %1: há uma execução em andamento</translation>
    </message>
    <message>
        <source>%1 not started: the kernel is being calibrated</source>
        <translation>Não é possível iniciar %1: o kernel está sendo calibrado</translation>
    </message>
    <message>
        <source>%1 not started: fix the highlighted fields</source>
        <translation>Não é possível iniciar %1: corrija os campos destacados</translation>
    </message>
    <message>
        <source>Running %1 again</source>
        <translation>Executando %1 de novo</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close this message</source>
        <translation>Fechar esta mensagem</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Fechar mensagem</translation>
    </message>
</context>
<context>
    <name>NumberRange</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>%1 is outside %2</source>
        <translation>%1 está fora de %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number from %2</source>
        <translation>&apos;%1&apos; não é um número inteiro de %2</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>valor de %1</translation>
    </message>
    <message>
        <source>missing %1 (a whole number from %2)</source>
        <translation>falta %1 (um número inteiro de %2)</translation>
    </message>
    <message>
        <source>min %1 is above max %2</source>
        <translation>mín. %1 está acima do máx. %2</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>different plans (%1)</source>
        <translation>planos diferentes (%1)</translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <source>Original experiment</source>
        <translation>Experimento original</translation>
    </message>
    <message>
        <source>The crawler-like workload of the original write-up: 10,000 tasks, 0.2-1.0 s of simulated IO each, then 100k-500k iterations of the write-up&apos;s own `result += i` loop on the response (kernel article).</source>
        <translation>A carga de trabalho de rastreador do artigo original: 10.000 tarefas, cada uma com 0,2-1,0 s de E/S simulada e depois 100k-500k iterações do próprio loop `result += i` do artigo sobre a resposta (kernel article).</translation>
    </message>
    <message>
        <source>CPU-heavy</source>
        <translation>Intensiva em CPU</translation>
    </message>
    <message>
        <source>CPU parts dominate (about 5 ms each, 100 ms of IO at most): one loop queues them all on one core, K loops share them out. Takes about 10 s on one loop on a typical desktop.</source>
        <translation>As partes de CPU dominam (cerca de 5 ms cada, no máximo 100 ms de E/S): um loop enfileira todas em um só núcleo, K loops as repartem. Leva cerca de 10 s em um loop num desktop típico.</translation>
    </message>
    <message>
        <source>IO-only</source>
        <translation>Só E/S</translation>
    </message>
    <message>
        <source>Tasks only wait, with no CPU work: one loop already overlaps every wait, so sharding should not help.</source>
        <translation>As tarefas só esperam, sem trabalho de CPU: um loop já sobrepõe todas as esperas, então dividir em shards não deve ajudar.</translation>
    </message>
    <message>
        <source>Heavy-tailed crawl</source>
        <translation>Rastreamento de cauda pesada</translation>
    </message>
    <message>
        <source>Shaped like real crawls: most responses arrive in a few hundred ms (lognormal IO, median 300 ms, 1 % slower than 3 s) and most pages are cheap to parse, but a few are huge (Pareto CPU work, median 200k iterations, 1 % above 2M). A few heavy tasks decide when a shard finishes, so how tasks are dealt to shards matters more than with uniform work.</source>
        <translation>Com a forma de rastreamentos reais: a maioria das respostas chega em algumas centenas de ms (E/S lognormal, mediana de 300 ms, 1 % mais lentas que 3 s) e a maioria das páginas é barata de processar, mas algumas são enormes (trabalho de CPU Pareto, mediana de 200k iterações, 1 % acima de 2M). Poucas tarefas pesadas decidem quando um shard termina, então a forma como as tarefas são distribuídas entre os shards importa mais do que com trabalho uniforme.</translation>
    </message>
    <message>
        <source>Loopback HTTP crawl</source>
        <translation>Rastreamento HTTP em loopback</translation>
    </message>
    <message>
        <source>Fetches over real TCP sockets from a loopbench --serve process on this machine: each task sends one HTTP GET, the server answers after the task&apos;s planned delay (lognormal, median 300 ms, 1 % slower than 1.5 s), then the task parses the response (100k-500k iterations). The loop now pays system calls and wake-ups for every request.</source>
        <translation>Busca por sockets TCP reais em um processo loopbench --serve nesta máquina: cada tarefa envia um HTTP GET, o servidor responde após o atraso planejado da tarefa (lognormal, mediana de 300 ms, 1 % mais lentas que 1,5 s) e então a tarefa processa a resposta (100k-500k iterações). Agora o loop paga chamadas de sistema e despertares a cada requisição.</translation>
    </message>
    <message>
        <source>The article, in Python</source>
        <translation>O artigo, em Python</translation>
    </message>
    <message>
        <source>The original write-up&apos;s experiment on its own runtime: CPython asyncio runs each task as `await asyncio.sleep(io)` then `result += i` over range(n), one asyncio.run per worker process (1 process against K, the article&apos;s fix). 2,000 tasks: CPython&apos;s loop is about 30 times slower than C++&apos;s (20 ns an iteration here), so one process needs about 12 s of CPU.</source>
        <translation>O experimento do artigo original no seu próprio runtime: o asyncio do CPython executa cada tarefa como `await asyncio.sleep(io)` e depois `result += i` sobre range(n), um asyncio.run por processo de trabalho (1 processo contra K, a solução do artigo). 2.000 tarefas: o loop do CPython é cerca de 30 vezes mais lento que o do C++ (20 ns por iteração aqui), então um processo precisa de cerca de 12 s de CPU.</translation>
    </message>
</context>
<context>
    <name>PresetController</name>
    <message>
        <source>fix the highlighted fields first: a preset is a valid workload</source>
        <translation>corrija primeiro os campos destacados: uma predefinição é uma carga de trabalho válida</translation>
    </message>
    <message>
        <source>Yours: %1</source>
        <translation>Suas: %1</translation>
    </message>
    <message>
        <source>Saved the preset “%1”</source>
        <translation>Predefinição “%1” salva</translation>
    </message>
    <message>
        <source>Remove preset</source>
        <translation>Remover predefinição</translation>
    </message>
    <message>
        <source>Remove your preset “%1”?</source>
        <translation>Remover sua predefinição “%1”?</translation>
    </message>
    <message>
        <source>The preset “%1” was not saved: %2</source>
        <translation>A predefinição “%1” não foi salva: %2</translation>
    </message>
</context>
<context>
    <name>PresetNameDialog</name>
    <message>
        <source>Save as preset</source>
        <translation>Salvar predefinição</translation>
    </message>
    <message>
        <source>Name of the preset (at most %1 characters):</source>
        <translation>Nome da predefinição (no máximo %1 caracteres):</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Replaces your preset “%1”.</source>
        <translation>Substitui sua predefinição “%1”.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>Substitui&amp;r</translation>
    </message>
</context>
<context>
    <name>PresetStore</name>
    <message>
        <source>a preset needs a name</source>
        <translation>uma predefinição precisa de um nome</translation>
    </message>
    <message>
        <source>a preset name has at most %1 characters</source>
        <translation>o nome de uma predefinição tem no máximo %1 caracteres</translation>
    </message>
    <message>
        <source>a preset name cannot hold line breaks or control characters</source>
        <translation>o nome de uma predefinição não pode conter quebras de linha nem caracteres de controle</translation>
    </message>
    <message>
        <source>“Custom” stands for an edited form: choose another name</source>
        <translation>“Custom” indica um formulário editado: escolha outro nome</translation>
    </message>
    <message>
        <source>“%1” is a built-in preset: choose another name</source>
        <translation>“%1” é uma predefinição incluída: escolha outro nome</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Per-core load</source>
        <translation>Carga por núcleo</translation>
    </message>
    <message>
        <source>Shard threads</source>
        <translation>Threads dos shards</translation>
    </message>
    <message>
        <source>One loop against K loops</source>
        <translation>Um loop contra K loops</translation>
    </message>
    <message>
        <source>Speedup against K</source>
        <translation>Aceleração em função de K</translation>
    </message>
    <message>
        <source>Efficiency per K</source>
        <translation>Eficiência por K</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Nenhuma comparação</translation>
    </message>
    <message>
        <source>this experiment has no two loop counts that both completed</source>
        <translation>este experimento não tem dois números de loops que tenham ambos concluído</translation>
    </message>
    <message>
        <source>Writing reports to %1…</source>
        <translation>Gravando relatórios em %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>export cancelled: nothing was written</source>
        <translation>exportação cancelada: nada foi gravado</translation>
    </message>
    <message>
        <source>tasks.csv%1 has no resumed and done times: per-task timings were not kept for its runs</source>
        <translation>tasks.csv%1 não tem tempos de retomada e de conclusão: os tempos por tarefa não foram guardados para as suas execuções</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>no directory given to export into</source>
        <translation>nenhum diretório indicado para exportar</translation>
    </message>
    <message>
        <source>nothing to export yet: run something first</source>
        <translation>nada para exportar ainda: execute algo primeiro</translation>
    </message>
    <message>
        <source>PNG size %1 × %2 is outside 1..%3 pixels per side</source>
        <translation>o tamanho do PNG %1 × %2 está fora de 1..%3 pixels por lado</translation>
    </message>
</context>
<context>
    <name>ShardLoadView</name>
    <message>
        <source>thread CPU %</source>
        <translation>CPU da thread %</translation>
    </message>
    <message>
        <source>max lag, last 250 ms</source>
        <translation>atraso máx., últimos 250 ms</translation>
    </message>
    <message>
        <source>lag (ms)</source>
        <translation>atraso (ms)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>(over the run)</source>
        <translation>(na execução)</translation>
    </message>
    <message>
        <source>(last 250 ms)</source>
        <translation>(últimos 250 ms)</translation>
    </message>
    <message>
        <source>shard %1: %2 % CPU %3</source>
        <translation>shard %1: %2 % de CPU %3</translation>
    </message>
    <message>
        <source>(mean over the run)</source>
        <translation>(média na execução)</translation>
    </message>
    <message>
        <source>Shard threads</source>
        <translation>Threads dos shards</translation>
    </message>
    <message>
        <source>no per-shard figures stored for this run (a JSON report carries none)</source>
        <translation>nenhum número por shard armazenado para esta execução (um relatório JSON não traz nenhum)</translation>
    </message>
    <message>
        <source>1 shard thread</source>
        <translation>1 thread de shard</translation>
    </message>
    <message>
        <source>%L1 shard threads</source>
        <translation>%L1 threads de shards</translation>
    </message>
    <message>
        <source>run started %1</source>
        <translation>execução iniciada em %1</translation>
    </message>
    <message>
        <source>lag per shard not kept (Run &gt; Keep per-task timings)</source>
        <translation>atraso por shard não guardado (Executar &gt; Guardar tempos por tarefa)</translation>
    </message>
    <message>
        <source>%1: mean CPU and worst lag over the run</source>
        <translation>%1: CPU média e pior atraso na execução</translation>
    </message>
    <message>
        <source>%1: mean CPU over the run</source>
        <translation>%1: CPU média na execução</translation>
    </message>
    <message>
        <source>shard</source>
        <translation>shard</translation>
    </message>
    <message>
        <source>no run yet: each shard thread of a run shows its CPU share and event-loop lag here</source>
        <translation>nenhuma execução ainda: cada thread de shard de uma execução mostra aqui sua parcela de CPU e o atraso do loop de eventos</translation>
    </message>
    <message>
        <source>%1: CPU and event-loop lag</source>
        <translation>%1: CPU e atraso do loop de eventos</translation>
    </message>
    <message>
        <source>Last run, %1: mean CPU and worst lag</source>
        <translation>Última execução, %1: CPU média e pior atraso</translation>
    </message>
    <message>
        <source>worst lag of the run</source>
        <translation>pior atraso da execução</translation>
    </message>
    <message>
        <source>shard %1: worst event-loop lag %2 %3</source>
        <translation>shard %1: pior atraso do loop de eventos %2 %3</translation>
    </message>
</context>
<context>
    <name>ShownName</name>
    <message>
        <source>completed</source>
        <translation>concluída</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>one loop</source>
        <translation>um loop</translation>
    </message>
    <message>
        <source>K loops</source>
        <translation>K loops</translation>
    </message>
    <message>
        <source>compare · 1</source>
        <translation>comparação · 1</translation>
    </message>
    <message>
        <source>compare · K</source>
        <translation>comparação · K</translation>
    </message>
    <message>
        <source>warm-up</source>
        <translation>aquecimento</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>experimento</translation>
    </message>
    <message>
        <source>cli</source>
        <translation>linha de comando</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importada</translation>
    </message>
    <message>
        <source>run</source>
        <translation>execução</translation>
    </message>
    <message>
        <source>compare</source>
        <translation>comparação</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>repetição</translation>
    </message>
    <message>
        <source>sweep</source>
        <translation>varredura</translation>
    </message>
    <message>
        <source>runtimes</source>
        <translation>comparação de runtimes</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ociosa</translation>
    </message>
    <message>
        <source>GUI stall: %1</source>
        <translation>Travamento da GUI: %1</translation>
    </message>
    <message>
        <source>calibrating…</source>
        <translation>calibrando…</translation>
    </message>
    <message>
        <source>Lateness of a 10 ms heartbeat timer on the GUI thread during the run (p99 and max): how responsive the window stayed. Target: p99 at most 16 ms, one frame.</source>
        <translation>Atraso de um timer de pulsação de 10 ms na thread da GUI durante a execução (p99 e máx.): o quanto a janela continuou responsiva. Meta: p99 de no máximo 16 ms, um quadro.</translation>
    </message>
    <message>
        <source>Kernel calibration on this machine, measured at start</source>
        <translation>Calibração do kernel nesta máquina, medida no início</translation>
    </message>
    <message>
        <source>GUI stall p99 %1 · max %2 (last run)</source>
        <translation>Travamento da GUI p99 %1 · máx. %2 (última execução)</translation>
    </message>
    <message>
        <source>GUI stall p99 %1 · max %2</source>
        <translation>Travamento da GUI p99 %1 · máx. %2</translation>
    </message>
    <message>
        <source>Kernel calibration on this machine</source>
        <translation>Calibração do kernel nesta máquina</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>run %1 of %2 · %3 · ETA %4</source>
        <translation>execução %1 de %2 · %3 · faltam %4</translation>
    </message>
    <message>
        <source>this run: %1 of %2 tasks</source>
        <translation>esta execução: %1 de %2 tarefas</translation>
    </message>
    <message>
        <source>%1 of %2 tasks · ETA %3</source>
        <translation>%1 de %2 tarefas · faltam %3</translation>
    </message>
    <message>
        <source>Warm-up: </source>
        <translation>Aquecimento: </translation>
    </message>
    <message>
        <source>Experiment, run %1 of %2: </source>
        <translation>Experimento, execução %1 de %2: </translation>
    </message>
    <message>
        <source>Compare, run %1 of %2: </source>
        <translation>Comparação, execução %1 de %2: </translation>
    </message>
    <message>
        <source>%1%2 running · %3 elapsed</source>
        <translation>%1%2 em execução · %3 decorridos</translation>
    </message>
    <message>
        <source>%1: %2 (ideal %3, efficiency %4)</source>
        <translation>%1: %2 (ideal %3, eficiência %4)</translation>
    </message>
    <message>
        <source>%1: %2 after %3 of %4 tasks %5</source>
        <translation>%1: %2 após %3 de %4 tarefas %5</translation>
    </message>
    <message>
        <source>%1%2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source> · %1 failed: see the history</source>
        <translation> · falhas: %1; veja o histórico</translation>
    </message>
    <message>
        <source>run</source>
        <translation>execução</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>execuções</translation>
    </message>
</context>
<context>
    <name>SweepChart</name>
    <message>
        <source>measured (median)</source>
        <translation>medida (mediana)</translation>
    </message>
    <message>
        <source>median per K</source>
        <translation>mediana por K</translation>
    </message>
    <message>
        <source>ideal (T*)</source>
        <translation>ideal (T*)</translation>
    </message>
    <message>
        <source>Amdahl fit</source>
        <translation>ajuste de Amdahl</translation>
    </message>
    <message>
        <source>shard count K (event loops)</source>
        <translation>número de shards K (loops de eventos)</translation>
    </message>
    <message>
        <source>speedup over the baseline (×)</source>
        <translation>aceleração sobre a referência (×)</translation>
    </message>
    <message>
        <source>speedup (×)</source>
        <translation>aceleração (×)</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Amdahl fit at K = %1: %2</source>
        <translation>ajuste de Amdahl em K = %1: %2</translation>
    </message>
    <message>
        <source>ideal (T*) at K = %1: %2</source>
        <translation>ideal (T*) em K = %1: %2</translation>
    </message>
    <message>
        <source>No sweep yet</source>
        <translation>Nenhuma varredura ainda</translation>
    </message>
    <message>
        <source>Sweep (F6) runs every K of the shard list, R times each, on one plan</source>
        <translation>Varredura (F6) executa cada K da lista de shards, R vezes cada, em um plano</translation>
    </message>
    <message>
        <source>min–max of runs</source>
        <translation>mín.–máx. das execuções</translation>
    </message>
    <message>
        <source>K = %1: runs from %2 to %3</source>
        <translation>K = %1: execuções de %2 a %3</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 execução</translation>
    </message>
    <message>
        <source>median of %L1 runs</source>
        <translation>mediana de %L1 execuções</translation>
    </message>
    <message>
        <source>K = %1: speedup %2 (%3)
median wall time %4</source>
        <translation>K = %1: aceleração %2 (%3)
tempo real mediano %4</translation>
    </message>
    <message>
        <source>Amdahl, s = %1</source>
        <translation>Amdahl, s = %1</translation>
    </message>
    <message>
        <source>Amdahl s = %1 (rmse %2)</source>
        <translation>Amdahl s = %1 (rmse %2)</translation>
    </message>
    <message>
        <source>no Amdahl fit (needs a 1-loop baseline and some K &gt; 1)</source>
        <translation>sem ajuste de Amdahl (precisa de uma referência de 1 loop e algum K &gt; 1)</translation>
    </message>
    <message>
        <source>Speedup against K · %1</source>
        <translation>Aceleração em função de K · %1</translation>
    </message>
    <message>
        <source>baseline %1 · %2 per K · %3%4%5</source>
        <translation>referência %1 · %2 por K · %3%4%5</translation>
    </message>
    <message>
        <source>run</source>
        <translation>execução</translation>
    </message>
    <message>
        <source> · cancelled, incomplete</source>
        <translation> · cancelada, incompleta</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>execuções</translation>
    </message>
</context>
<context>
    <name>SweepPage</name>
    <message>
        <source>&amp;Measured statistics per configuration (completed runs only; cancelled and failed runs are listed in the history)</source>
        <translation>Estatísticas &amp;medidas por configuração (só execuções concluídas; as canceladas e com falha estão listadas no histórico)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#1e823c&apos;&gt;■&lt;/span&gt; p (M-W) in green: below %1, the difference of that K&apos;s wall times from the baseline&apos;s is unlikely to be noise. Needs %2 completed runs on each side; “%3” where there is none.</source>
        <translation>&lt;span style=&apos;color:#1e823c&apos;&gt;■&lt;/span&gt; p (M-W) em verde: abaixo de %1, a diferença entre os tempos reais desse K e os da referência dificilmente é ruído. Precisa de %2 execuções concluídas de cada lado; “%3” onde não há.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No experiment yet.&lt;/b&gt; Sweep (F6) runs every shard count of the list R times, interleaved; Repeat compare (F7) runs 1 and K loops R times. Statistics and charts appear here.</source>
        <translation>&lt;b&gt;Nenhum experimento ainda.&lt;/b&gt; Varredura (F6) executa cada número de shards da lista R vezes, intercaladas; Comparação repetida (F7) executa 1 e K loops R vezes. As estatísticas e os gráficos aparecem aqui.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %L2 tasks · IO %3–%4 ms · CPU %L5–%L6 iterations (%7, %8 ns/iter) · %9%10 · %11, %12 logical CPUs</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %L2 tarefas · E/S %3–%4 ms · CPU %L5–%L6 iterações (%7, %8 ns/iter) · %9%10 · %11, %12 CPUs lógicas</translation>
    </message>
    <message>
        <source>run</source>
        <translation>execução</translation>
    </message>
    <message>
        <source>, &lt;span style=&apos;color:#b45000&apos;&gt;cancelled&lt;/span&gt;</source>
        <translation>, &lt;span style=&apos;color:#b45000&apos;&gt;cancelado&lt;/span&gt;</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>execuções</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>loop %1</source>
        <translation>loop %1</translation>
    </message>
    <message>
        <source>Lag (due → resumed): the lane&apos;s height is the number of tasks waiting, up to %1</source>
        <translation>Atraso (prazo → retomada): a altura da faixa é o número de tarefas esperando, até %1</translation>
    </message>
    <message>
        <source>CPU work (resumed → done)</source>
        <translation>Trabalho de CPU (retomada → conclusão)</translation>
    </message>
    <message>
        <source>from t0</source>
        <translation>desde t0</translation>
    </message>
    <message>
        <source>not kept (%1 wall)</source>
        <translation>não guardado (%1 de relógio)</translation>
    </message>
    <message>
        <source>Task %1
Due %2 · lag %3
CPU %4 · done %5
%6</source>
        <translation>Tarefa %1
Prazo %2 · atraso %3
CPU %4 · conclusão %5
%6</translation>
    </message>
    <message>
        <source>%1 waiting here</source>
        <translation>%1 esperando aqui</translation>
    </message>
    <message>
        <source>task</source>
        <translation>tarefa</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>tarefas</translation>
    </message>
    <message>
        <source>cpu%1 busy</source>
        <translation>cpu%1 ocupada</translation>
    </message>
</context>
<context>
    <name>TimelineWindow</name>
    <message>
        <source>Reading the runs&apos; per-task timings…</source>
        <translation>Lendo os tempos por tarefa das execuções…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linha do tempo</translation>
    </message>
    <message>
        <source>Ctrl+wheel or pinch zooms in time at the pointer, dragging or the wheel pans, a double click or Home shows everything again. Hover a task to see it.</source>
        <translation>Ctrl+roda ou pinça amplia o tempo no ponteiro, arrastar ou a roda desloca, um clique duplo ou Home mostra tudo de novo. Passe o ponteiro sobre uma tarefa para vê-la.</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Restaurar zoom</translation>
    </message>
    <message>
        <source>it was read from a report file, which carries no per-task timings</source>
        <translation>ela foi lida de um arquivo de relatório, que não traz tempos por tarefa</translation>
    </message>
    <message>
        <source>it has %1 tasks; the history keeps the timings of runs up to %2 tasks unless Run &gt; Keep per-task timings of every run is on when it runs (%3 bytes a task)</source>
        <translation>ela tem %1 tarefas; o histórico guarda os tempos de execuções de até %2 tarefas, a menos que Executar &gt; Guardar tempos por tarefa de toda execução esteja ligado quando ela roda (%3 bytes por tarefa)</translation>
    </message>
    <message>
        <source>Run &gt; Keep per-task timings was off when it ran (or the command line recorded it without --record-tasks)</source>
        <translation>Executar &gt; Guardar tempos por tarefa estava desligado quando ela rodou (ou a linha de comando a gravou sem --record-tasks)</translation>
    </message>
    <message>
        <source>Run %1 is not drawn: %2.</source>
        <translation>A execução %1 não é desenhada: %2.</translation>
    </message>
    <message>
        <source>%1 (the run you chose)</source>
        <translation>%1 (a execução que você escolheu)</translation>
    </message>
    <message>
        <source>The run is no longer in the history.</source>
        <translation>A execução não está mais no histórico.</translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3 · wall %4</source>
        <translation>Execução %1 · %2 · %3 · relógio %4</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>loop</translation>
    </message>
    <message>
        <source>loops</source>
        <translation>loops</translation>
    </message>
    <message>
        <source>Each row is one event loop. A task&apos;s lag, from its due time (t0 plus its IO delay) until its loop resumed it, is counted in the upper lane; its CPU work, from resumed to done, fills the lower lane. A loop that computes while tasks queue behind it shows a full lower lane under a tall upper one. Under each run, one strip per core shows how busy it was (full strength: 100 % busy).</source>
        <translation>Cada linha é um loop de eventos. O atraso de uma tarefa, do seu prazo (t0 mais o seu atraso de IO) até o seu loop retomá-la, é contado na faixa de cima; o seu trabalho de CPU, da retomada à conclusão, preenche a faixa de baixo. Um loop que calcula enquanto tarefas esperam na fila atrás dele mostra uma faixa de baixo cheia sob uma faixa de cima alta. Sob cada execução, uma tira por núcleo mostra o quanto ele esteve ocupado (cor plena: 100 % ocupado).</translation>
    </message>
    <message>
        <source> · machine busy: other programs used %1 of the CPUs</source>
        <translation> · máquina ocupada: outros programas usaram %1 das CPUs</translation>
    </message>
</context>
<context>
    <name>TransportConfig</name>
    <message>
        <source>%1 (or per-task)</source>
        <translation>%1 (ou per-task)</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>%1: no verdict</source>
        <translation>%1: sem veredito</translation>
    </message>
    <message>
        <source>cancelled: no verdict</source>
        <translation>cancelado: sem veredito</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> em %1</translation>
    </message>
    <message>
        <source>cancelled after %1 of %2 tasks%3%4</source>
        <translation>cancelada após %1 de %2 tarefas%3%4</translation>
    </message>
    <message>
        <source>1 loop</source>
        <translation>1 loop</translation>
    </message>
    <message>
        <source>%1 loops</source>
        <translation>%1 loops</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 contra %2</translation>
    </message>
    <message>
        <source>as fast as %1</source>
        <translation>tão rápido quanto %1</translation>
    </message>
    <message>
        <source>%1 faster than %2</source>
        <translation>%1 mais rápido que %2</translation>
    </message>
    <message>
        <source>%1 slower than %2</source>
        <translation>%1 mais lento que %2</translation>
    </message>
    <message>
        <source>machine busy: other programs used %1 % of the CPUs; not comparable with quiet runs</source>
        <translation>máquina ocupada: outros programas usaram %1 % das CPUs; não comparável com execuções numa máquina tranquila</translation>
    </message>
    <message>
        <source>no completed runs: no verdict</source>
        <translation>nenhuma execução concluída: sem veredito</translation>
    </message>
    <message>
        <source>no completed run on %1: no verdict</source>
        <translation>nenhuma execução concluída em %1: sem veredito</translation>
    </message>
    <message>
        <source>%1: %2; no speedup</source>
        <translation>%1: %2; sem aceleração</translation>
    </message>
    <message>
        <source>%1: %2 (ideal %3)</source>
        <translation>%1: %2 (ideal %3)</translation>
    </message>
    <message>
        <source>one run per K</source>
        <translation>uma execução por K</translation>
    </message>
    <message>
        <source>no K is faster than %1 beyond noise (best %2: %3, ideal %4)</source>
        <translation>nenhum K é mais rápido que %1 além do ruído (melhor %2: %3, ideal %4)</translation>
    </message>
    <message>
        <source>K = %1 are alike within noise: up to %2 (ideal %3)</source>
        <translation>K = %1 se equivalem dentro do ruído: até %2 (ideal %3)</translation>
    </message>
    <message>
        <source>one run each</source>
        <translation>uma execução cada</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>às %1</translation>
    </message>
    <message>
        <source>a run did not complete: no verdict</source>
        <translation>uma execução não foi concluída: sem veredito</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4, %5 %6; no speedup</source>
        <translation>%1: %2 %3 %4, %5 %6; sem aceleração</translation>
    </message>
    <message>
        <source>%1 %2: %3 (ideal %4)</source>
        <translation>%1 %2: %3 (ideal %4)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>fastest: %1, %2</source>
        <translation>mais rápido: %1, %2</translation>
    </message>
    <message>
        <source>, as fast as %1</source>
        <translation>, tão rápido quanto %1</translation>
    </message>
    <message>
        <source>as fast</source>
        <translation>tão rápido</translation>
    </message>
    <message>
        <source>%1 faster</source>
        <translation>%1 mais rápido</translation>
    </message>
    <message>
        <source>%1 slower</source>
        <translation>%1 mais lento</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>%1 within noise</source>
        <translation>%1 dentro do ruído</translation>
    </message>
    <message>
        <source>%1 no verdict</source>
        <translation>%1 sem veredito</translation>
    </message>
    <message>
        <source>machine busy (others %1 %)</source>
        <translation>máquina ocupada (outros %1 %)</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Run &amp;one loop</source>
        <translation>Executar &amp;um loop</translation>
    </message>
    <message>
        <source>Run the plan on a single event loop (one thread)</source>
        <translation>Executa o plano em um único loop de eventos (uma thread)</translation>
    </message>
    <message>
        <source>Run &amp;K loops</source>
        <translation>Executar &amp;K loops</translation>
    </message>
    <message>
        <source>Run the plan on K event loops, one thread each</source>
        <translation>Executa o plano em K loops de eventos, uma thread cada</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparar</translation>
    </message>
    <message>
        <source>Run the same plan on one loop, then on K loops, and chart both</source>
        <translation>Executa o mesmo plano em um loop, depois em K loops, e mostra os dois no gráfico</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>C&amp;ancelar</translation>
    </message>
    <message>
        <source>Stop the run in flight; its partial result is kept</source>
        <translation>Para a execução em andamento; seu resultado parcial é mantido</translation>
    </message>
    <message>
        <source>S&amp;weep</source>
        <translation>&amp;Varredura</translation>
    </message>
    <message>
        <source>Run every K of the shard list, R times each, interleaved, on one plan; chart speedup against K</source>
        <translation>Executa cada K da lista de shards, R vezes cada, intercaladas, em um plano; mostra a aceleração em função de K</translation>
    </message>
    <message>
        <source>&amp;Repeat compare</source>
        <translation>Comparação &amp;repetida</translation>
    </message>
    <message>
        <source>Run 1 and K loops R times each, interleaved 1, K, 1, K, ..., with statistics</source>
        <translation>Executa 1 e K loops R vezes cada, intercaladas 1, K, 1, K, ..., com estatísticas</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Write CSV, JSON and Markdown reports and every chart as PNG and SVG</source>
        <translation>Grava relatórios CSV, JSON e Markdown e cada gráfico como PNG e SVG</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>&amp;Abrir relatório…</translation>
    </message>
    <message>
        <source>Add the runs of LoopBench JSON reports (from any machine) to the history</source>
        <translation>Adiciona ao histórico as execuções de relatórios JSON do LoopBench (de qualquer máquina)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Executar</translation>
    </message>
    <message>
        <source>Re&amp;calibrate the kernels</source>
        <translation>Re&amp;calibrar os kernels</translation>
    </message>
    <message>
        <source>Measure each kernel&apos;s time per iteration again (the estimates before a run use it)</source>
        <translation>Mede de novo o tempo por iteração de cada kernel (as estimativas antes de uma execução o usam)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Predefinições</translation>
    </message>
    <message>
        <source>&amp;Save current as preset…</source>
        <translation>&amp;Salvar atual como predefinição…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>C&amp;lear history</source>
        <translation>Apa&amp;gar histórico</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guia</translation>
    </message>
    <message>
        <source>&amp;About LoopBench</source>
        <translation>&amp;Sobre o LoopBench</translation>
    </message>
    <message>
        <source>About LoopBench</source>
        <translation>Sobre o LoopBench</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;LoopBench %1&lt;/b&gt;&lt;br&gt;git %2&lt;/p&gt;&lt;p&gt;How much faster do many IO-then-CPU tasks finish when one event loop becomes K event loops, one per thread? Run the same plan both ways and watch every core.&lt;/p&gt;&lt;p&gt;Qt %3 · QCoro %4 · %5, %6 build&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;LoopBench %1&lt;/b&gt;&lt;br&gt;git %2&lt;/p&gt;&lt;p&gt;Quão mais rápido terminam muitas tarefas de E/S seguida de CPU quando um loop de eventos vira K loops de eventos, um por thread? Execute o mesmo plano dos dois jeitos e observe cada núcleo.&lt;/p&gt;&lt;p&gt;Qt %3 · QCoro %4 · %5, build %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Sobre o &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Remove preset</source>
        <translation>&amp;Remover predefinição</translation>
    </message>
    <message>
        <source>K loops</source>
        <translation>K loops</translation>
    </message>
    <message>
        <source>Run &amp;K loops (K = %1)</source>
        <translation>Executar &amp;K loops (K = %1)</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Executar %1</translation>
    </message>
    <message>
        <source>Compare 1 vs %1</source>
        <translation>Comparar 1 vs %1</translation>
    </message>
    <message>
        <source>Sweep (shard list?)</source>
        <translation>Varredura (lista de shards?)</translation>
    </message>
    <message>
        <source>Sweep K = %1</source>
        <translation>Varredura K = %1</translation>
    </message>
    <message>
        <source>Repeat 1 vs %1, R = %2</source>
        <translation>Repetir 1 vs %1, R = %2</translation>
    </message>
    <message>
        <source>Show the last run&apos;s time&amp;line</source>
        <translation>Mostrar a &amp;linha do tempo da última execução</translation>
    </message>
    <message>
        <source>Keep per-task timings of runs up to %1 tasks (%2 MB a run)</source>
        <translation>Guardar tempos por tarefa de execuções de até %1 tarefas (%2 MB por execução)</translation>
    </message>
    <message>
        <source>Keep per-task &amp;timings of every run</source>
        <translation>Guardar &amp;tempos por tarefa de toda execução</translation>
    </message>
    <message>
        <source>Store each run&apos;s per-task times (%1 bytes a task), so that its timeline can be shown and tasks.csv exported from the history</source>
        <translation>Guarda os tempos por tarefa de cada execução (%1 bytes por tarefa), para que a sua linha do tempo possa ser mostrada e tasks.csv exportado do histórico</translation>
    </message>
</context>
<context>
    <name>WorkEstimate</name>
    <message>
        <source>about %1 per task on this machine · %2 of CPU work in all (%L3 ns/iteration)</source>
        <translation>cerca de %1 por tarefa nesta máquina · %2 de trabalho de CPU no total (%L3 ns/iteração)</translation>
    </message>
</context>
</TS>
