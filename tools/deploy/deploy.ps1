# Builds an app (the lock, or the courier's keypad) for a board against the real nanoFramework packages, converts
# it with the nanoFramework Metadata Processor, and deploys it with nanoff (the firmware is flashed once beforehand).
#
#   tools/deploy/deploy.ps1 [-App lock|keypad] -Board esp32-devkitc -Port COM5 [-DryRun]   (-App keypad: board esp32-keypad)
#
# Needs: .NET 10 SDK, a NuGet feed with the nanoFramework packages, nanoff (dotnet tool install -g nanoff).
param(
    [ValidateSet("lock", "keypad")]
    [string]$App = "lock",
    [string]$Board = "",
    [string]$Port = "",
    [switch]$DryRun,
    # The Metadata Processor of the v1 line (the CLR without generics that CoreLibrary 1.17.11 targets).
    [string]$MdpVersion = "3.0.100"
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "../..")

$project = if ($App -eq "keypad") { "LockFirmware.Keypad" } else { "LockFirmware.Device" }
if (-not $Board) { $Board = if ($App -eq "keypad") { "esp32-keypad" } else { "esp32-devkitc" } }
if (-not (Test-Path "boards/$Board/Board.cs")) { Write-Error "deploy: no board '$Board' (see boards/)"; exit 2 }
if (-not $Port -and -not $DryRun) { Write-Error "deploy: -Port is required (the board's serial port)"; exit 2 }
$target = (Select-String -Path "boards/$Board/Board.cs" -Pattern 'NanoffTarget = "([^"]*)"').Matches[0].Groups[1].Value

function Run([string[]]$cmd) {
    Write-Host "+ $($cmd -join ' ')"
    if (-not $DryRun) { & $cmd[0] $cmd[1..($cmd.Length - 1)]; if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE } }
}

# 1. Build against the real packages.
Run @("dotnet", "build", "firmware/$project", "-c", "Release", "-p:NanoApi=packages", "-p:Board=$Board")
$out = "firmware/$project/bin/Release/nano1.0"

# 2. The Metadata Processor, from NuGet.
$mdpDir = ".deploy/mdp"
if (-not (Test-Path $mdpDir) -and -not $DryRun) {
    New-Item -ItemType Directory -Force .deploy | Out-Null
    @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="nanoFramework.Tools.MetadataProcessor.CLI" Version="[$MdpVersion]" /></ItemGroup>
</Project>
"@ | Set-Content .deploy/mdp.proj
    dotnet restore .deploy/mdp.proj --packages .deploy/packages
    $found = Get-ChildItem -Recurse -Directory .deploy/packages/nanoframework.tools.metadataprocessor.cli -Filter MetadataProcessor | Select-Object -First 1
    Copy-Item -Recurse $found.FullName $mdpDir
}
$mdp = Join-Path $mdpDir "MetadataProcessor.Console.exe"

# 3. Our assemblies to .pe.
$hints = @()
Get-ChildItem "$out/*.dll" | ForEach-Object { $hints += @("-loadHints", $_.BaseName, $_.FullName) }
foreach ($name in @("LockFirmware.Hal", "LockFirmware.Core", "LockFirmware.Hal.Esp32", $project)) {
    Run (@($mdp) + $hints + @("-parse", "$out/$name.dll", "-compile", "$out/$name.pe", "false"))
    if (-not $DryRun -and -not (Test-Path "$out/$name.pe")) { Write-Error "deploy: Metadata Processor produced no $name.pe"; exit 1 }
}

# 4. One deployment image, then nanoff.
$image = "$out/lockfirmware-$App-$Board.bin"
if (-not $DryRun) {
    $bytes = Get-ChildItem "$out/*.pe" | ForEach-Object { [System.IO.File]::ReadAllBytes($_.FullName) }
    [System.IO.File]::WriteAllBytes($image, [byte[]]($bytes | ForEach-Object { $_ }))
}
Run @("nanoff", "--target", $target, "--serialport", $Port, "--deploy", "--image", $image)
if ($App -eq "keypad") { Write-Host "deployed the keypad to $Board on $Port. Pair it at the door: lockctl keypad pair, then hold * and # (docs/keypad.md)." }
else { Write-Host "deployed to $Board on $Port. Open the serial console to read the setup key (first boot)." }
